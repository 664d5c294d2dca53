import type { InboundRecord } from '../../src/contract/inbound.ts';
import { peerOf } from './peer.ts';

export interface KeptLimits {
  /** Records kept in all. */
  maxRecords: number;
  /** Bytes of records kept in all (each weighs its stored line). */
  maxBytes: number;
  /** Records kept from one peer. */
  maxPeerRecords: number;
  /** Bytes of records kept from one peer. */
  maxPeerBytes: number;
}

interface Entry {
  record: InboundRecord;
  peer: string;
  weight: number;
}

interface PeerUsage {
  bytes: number;
  /** Ids of this peer's records, oldest first. */
  ids: Set<string>;
}

/**
 * The records the inbox keeps, with what each peer uses. Past a peer's quota, that peer's oldest records go;
 * past the store's limit, the oldest records of the peer that uses most of it go. A peer's only record is never
 * dropped for another peer, so a flood from one peer costs that peer its own history and no one else's
 * (only when more distinct peers than the store can hold have one record each does the oldest of them go).
 */
export class KeptRecords {
  /** By id, in order of arrival. */
  private readonly entries = new Map<string, Entry>();
  private readonly peers = new Map<string, PeerUsage>();
  private totalBytes = 0;

  constructor(private readonly limits: KeptLimits) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the records kept (their stored lines). */
  get bytes(): number {
    return this.totalBytes;
  }

  get(id: string): InboundRecord | undefined {
    return this.entries.get(id)?.record;
  }

  /** Oldest first. */
  all(): InboundRecord[] {
    return [...this.entries.values()].map((e) => e.record);
  }

  /** Keeps a record (a new one, or the later version of one kept) and returns the ids dropped to make room. */
  put(record: InboundRecord, weight: number): string[] {
    const peer = peerOf(record);
    const existing = this.entries.get(record.id);
    if (existing) this.unaccount(existing);
    // Map.set on a known key keeps its place: an update does not make a record newer.
    const entry = { record, peer, weight };
    this.entries.set(record.id, entry);
    this.account(entry);
    return this.settle(peer, record.id);
  }

  clear(): void {
    this.entries.clear();
    this.peers.clear();
    this.totalBytes = 0;
  }

  private account(entry: Entry): void {
    let usage = this.peers.get(entry.peer);
    if (!usage) this.peers.set(entry.peer, (usage = { bytes: 0, ids: new Set() }));
    usage.ids.add(entry.record.id);
    usage.bytes += entry.weight;
    this.totalBytes += entry.weight;
  }

  private unaccount(entry: Entry): void {
    const usage = this.peers.get(entry.peer)!;
    usage.ids.delete(entry.record.id);
    usage.bytes -= entry.weight;
    if (!usage.ids.size) this.peers.delete(entry.peer);
    this.totalBytes -= entry.weight;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id)!;
    this.entries.delete(id);
    this.unaccount(entry);
  }

  /** Drops what the limits no longer allow, never `keep` (the record just stored). */
  private settle(peer: string, keep: string): string[] {
    const dropped: string[] = [];
    const { maxRecords, maxBytes, maxPeerRecords, maxPeerBytes } = this.limits;
    for (let usage = this.peers.get(peer); usage && usage.ids.size > 1;) {
      if (usage.ids.size <= maxPeerRecords && usage.bytes <= maxPeerBytes) break;
      const oldest = usage.ids.values().next().value!;
      this.drop(oldest);
      dropped.push(oldest);
    }
    while (this.entries.size > 1 && (this.entries.size > maxRecords || this.totalBytes > maxBytes)) {
      const victim = this.oldestOfHeaviestPeer(this.entries.size > maxRecords) ?? this.entries.keys().next().value!;
      if (victim === keep) break;
      this.drop(victim);
      dropped.push(victim);
    }
    return dropped;
  }

  /**
   * The oldest record of the peer using the most (records when there are too many, else bytes) among peers
   * with more than one record; on a tie, the peer seen last (peers are kept in order of first record).
   */
  private oldestOfHeaviestPeer(byCount: boolean): string | undefined {
    const use = (u: PeerUsage) => (byCount ? u.ids.size : u.bytes);
    let heaviest: PeerUsage | undefined;
    for (const usage of this.peers.values()) {
      if (usage.ids.size > 1 && (!heaviest || use(usage) >= use(heaviest))) heaviest = usage;
    }
    return heaviest?.ids.values().next().value;
  }
}
