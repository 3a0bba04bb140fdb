// Plain-text tables for terminals: columns padded to their widest cell, two spaces apart,
// trailing spaces trimmed. No colours, no box drawing: output must survive pipes and logs.

/** Rows of cells → lines (without newlines), each column as wide as its widest cell. */
export function alignColumns(rows: readonly (readonly string[])[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).trimEnd());
}
