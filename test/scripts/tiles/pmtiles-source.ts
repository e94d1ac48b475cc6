import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

/** A pmtiles `Source` over bytes in memory; remembers every range asked for. */
export class MemorySource implements Source {
  readonly requests: { offset: number; length: number }[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = 'memory',
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests.push({ offset, length });
    // A copy, as a fetch would give: the reader may keep or transfer it.
    const data = this.bytes.slice(offset, offset + length);
    return { data: data.buffer };
  }
}

/** The archive read through the `pmtiles` package, as the app will read it. */
export function openArchive(bytes: Uint8Array): { archive: PMTiles; source: MemorySource } {
  const source = new MemorySource(bytes);
  return { archive: new PMTiles(source), source };
}
