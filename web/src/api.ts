// Talking to the service's /v1 API from the page: same origin only, the API key (if any) as a
// bearer header. Polling, not EventSource: EventSource cannot send an Authorization header.

export interface Progress {
  phase: string;
  done: number;
  total: number;
  bestCostMinor: number | null;
  boundMinor: number | null;
}

export interface JobStatus {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: Progress;
  createdAt: string;
  inputs: { orders: string; stock: string; network: string };
  options: { solver: string; timeLimitSeconds?: number };
  error: string | null;
  outputs: Record<string, string>;
}

/** The answer of POST /v1/compare (as `xbroute compare --json`). */
export interface Comparison {
  currency: string;
  columns: string[];
  rows: { metric: string; label: string; unit: 'count' | 'minor' | 'hours'; values: (number | null)[] }[];
}

export interface Problem {
  message: string;
}

export class Api {
  constructor(private readonly key: () => string) {}

  private headers(): HeadersInit {
    const key = this.key().trim();
    return key === '' ? {} : { authorization: `Bearer ${key}` };
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string; problems?: Problem[] };
      const problems = body.problems?.map((p) => p.message).join('\n');
      throw new Error(problems !== undefined && problems !== '' ? problems : (body.message ?? `HTTP ${response.status}`));
    }
    return (await response.json()) as T;
  }

  async submit(form: FormData): Promise<string> {
    const response = await fetch('/v1/jobs', { method: 'POST', body: form, headers: this.headers() });
    return (await this.json<{ id: string }>(response)).id;
  }

  async status(id: string): Promise<JobStatus> {
    return this.json(await fetch(`/v1/jobs/${encodeURIComponent(id)}`, { headers: this.headers() }));
  }

  async jobs(): Promise<JobStatus[]> {
    return (await this.json<{ jobs: JobStatus[] }>(await fetch('/v1/jobs', { headers: this.headers() }))).jobs;
  }

  async output<T>(id: string, name: string): Promise<T> {
    return this.json(await fetch(`/v1/jobs/${encodeURIComponent(id)}/${name}`, { headers: this.headers() }));
  }

  async blob(id: string, name: string): Promise<Blob> {
    const response = await fetch(`/v1/jobs/${encodeURIComponent(id)}/${name}`, { headers: this.headers() });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  }

  async explain(id: string, order: string): Promise<unknown> {
    return this.json(await fetch(`/v1/jobs/${encodeURIComponent(id)}/orders/${encodeURIComponent(order)}/explain`, { headers: this.headers() }));
  }

  /** POST /v1/compare: the job's batch planned on its network and on each scenario, side by side. */
  async compare(job: string, scenarios: unknown[]): Promise<Comparison> {
    const response = await fetch('/v1/compare', {
      method: 'POST',
      body: JSON.stringify({ job, scenarios }),
      headers: { ...this.headers(), 'content-type': 'application/json' },
    });
    return this.json(response);
  }

  /** A bundled sample file served by the page's own origin. */
  async sample(name: string): Promise<Blob> {
    const response = await fetch(`/sample/${name}`);
    if (!response.ok) throw new Error(`sample ${name}: HTTP ${response.status}`);
    return response.blob();
  }
}
