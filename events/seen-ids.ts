/** @module A bounded memory of recently handled event ids: the consumer side of at-least-once. */

export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered (within the last `capacity` ids), false after. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }
}
