/** newman ships no types; the conformance test uses its run() with the fields it reads. */
declare module "newman" {
  const newman: {
    run(options: Record<string, unknown>, done: (error: Error | null, summary: any) => void): import("node:events").EventEmitter;
  };
  export default newman;
}
