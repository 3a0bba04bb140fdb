// A worker module that cannot load (test/pool/worker-start-failure.test.ts).
throw new Error('this worker module fails to load');
