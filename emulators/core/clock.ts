/** The emulators' time. The control API moves it forward so tests can reach "90 days later" in a millisecond. */
export class EmulatorClock {
  private offsetMs = 0;
  private readonly listeners = new Set<(offsetSeconds: number) => void>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
    this.changed();
  }

  reset(): void {
    this.offsetMs = 0;
    this.changed();
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  /** Tells `listener` the new offset whenever the clock moves (the launcher publishes it for the app's clock). */
  onChange(listener: (offsetSeconds: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this.offsetSeconds);
  }
}
