/// A fixed-capacity set of small non-negative integers stored as 64-bit words.
///
/// Hand-written rather than taken from swift-collections' `BitSet` because the engines need
/// in-place word-parallel operations on rows of a ``BitMatrix`` (`formUnion(row:)`, `and-not`,
/// popcount over a masked range) without allocating per operation; those are the hot loops of
/// privilege closure and reachability.
public struct BitSet: Hashable, Sendable {
    /// Number of representable members (`0..<capacity`).
    public private(set) var capacity: Int
    /// Storage words; bit `i` lives in `words[i >> 6]` at position `i & 63`.
    public internal(set) var words: [UInt64]

    /// An empty set able to hold `0..<capacity`.
    /// - Complexity: O(capacity / 64).
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
        self.words = [UInt64](repeating: 0, count: BitSet.wordCount(for: self.capacity))
    }

    /// A set holding every member in `0..<capacity`.
    /// - Complexity: O(capacity / 64).
    public static func full(capacity: Int) -> BitSet {
        var set = BitSet(capacity: capacity)
        set.insertAll()
        return set
    }

    /// A set with the given members; members outside `0..<capacity` are ignored.
    /// - Complexity: O(capacity / 64 + members.count).
    public init<S: Sequence>(capacity: Int, members: S) where S.Element == Int {
        self.init(capacity: capacity)
        for member in members { insert(member) }
    }

    /// The same members in a set of capacity `capacity` (members at or above it are dropped).
    /// - Complexity: O(capacity / 64).
    public func resized(to capacity: Int) -> BitSet {
        var out = self
        out.capacity = max(0, capacity)
        let n = BitSet.wordCount(for: out.capacity)
        if n < out.words.count { out.words.removeLast(out.words.count - n) }
        else if n > out.words.count { out.words.append(contentsOf: repeatElement(0, count: n - out.words.count)) }
        out.clearTail()
        return out
    }

    /// Inserts `member` of every pair whose `condition` is a member, in order (a member inserted
    /// by an earlier pair can satisfy a later condition). Out-of-range values are ignored.
    /// - Complexity: O(pairs), no per-pair copy-on-write check.
    public mutating func insertMembers(where pairs: [(member: Int32, condition: Int32)]) {
        let cap = capacity
        words.withUnsafeMutableBufferPointer { w in
            for (m, c) in pairs where c >= 0 && Int(c) < cap && m >= 0 && Int(m) < cap {
                if w[Int(c) >> 6] & (1 << UInt64(c & 63)) != 0 { w[Int(m) >> 6] |= 1 << UInt64(m & 63) }
            }
        }
    }

    /// Indices of the words holding at least one member, ascending.
    /// - Complexity: O(capacity / 64).
    public var nonEmptyWordIndices: [Int32] {
        var out: [Int32] = []
        for (i, w) in words.enumerated() where w != 0 { out.append(Int32(i)) }
        return out
    }

    /// Words needed for `capacity` bits.
    public static func wordCount(for capacity: Int) -> Int { (capacity + 63) >> 6 }

    /// - Complexity: O(1).
    public func contains(_ member: Int) -> Bool {
        guard member >= 0, member < capacity else { return false }
        return words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    /// Inserts `member`; members outside `0..<capacity` are ignored.
    /// - Complexity: O(1).
    public mutating func insert(_ member: Int) {
        guard member >= 0, member < capacity else { return }
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    /// - Complexity: O(1).
    public mutating func remove(_ member: Int) {
        guard member >= 0, member < capacity else { return }
        words[member >> 6] &= ~(1 << UInt64(member & 63))
    }

    /// Inserts every member of `0..<capacity`.
    /// - Complexity: O(capacity / 64).
    public mutating func insertAll() {
        for i in words.indices { words[i] = ~0 }
        clearTail()
    }

    /// Removes every member.
    /// - Complexity: O(capacity / 64).
    public mutating func removeAll() {
        for i in words.indices { words[i] = 0 }
    }

    /// Number of members.
    /// - Complexity: O(capacity / 64).
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// - Complexity: O(capacity / 64) worst case, stops at the first non-zero word.
    public var isEmpty: Bool { !words.contains { $0 != 0 } }

    /// `self ∪= other`; returns whether `self` changed. Capacities must match (extra words ignored).
    /// - Complexity: O(capacity / 64).
    @discardableResult
    public mutating func formUnion(_ other: BitSet) -> Bool {
        var changed: UInt64 = 0
        let n = min(words.count, other.words.count)
        words.withUnsafeMutableBufferPointer { dst in
            other.words.withUnsafeBufferPointer { src in
                for i in 0..<n {
                    let old = dst[i]
                    let new = old | src[i]
                    changed |= old ^ new
                    dst[i] = new
                }
            }
        }
        return changed != 0
    }

    /// `self ∩= other`.
    /// - Complexity: O(capacity / 64).
    public mutating func formIntersection(_ other: BitSet) {
        let n = min(words.count, other.words.count)
        for i in 0..<n { words[i] &= other.words[i] }
        for i in n..<words.count { words[i] = 0 }
    }

    /// `self −= other`.
    /// - Complexity: O(capacity / 64).
    public mutating func subtract(_ other: BitSet) {
        let n = min(words.count, other.words.count)
        for i in 0..<n { words[i] &= ~other.words[i] }
    }

    /// - Complexity: O(capacity / 64).
    public func union(_ other: BitSet) -> BitSet { var r = self; r.formUnion(other); return r }
    /// - Complexity: O(capacity / 64).
    public func intersection(_ other: BitSet) -> BitSet { var r = self; r.formIntersection(other); return r }
    /// - Complexity: O(capacity / 64).
    public func subtracting(_ other: BitSet) -> BitSet { var r = self; r.subtract(other); return r }

    /// Whether the sets share a member.
    /// - Complexity: O(capacity / 64).
    public func intersects(_ other: BitSet) -> Bool {
        let n = min(words.count, other.words.count)
        for i in 0..<n where words[i] & other.words[i] != 0 { return true }
        return false
    }

    /// Whether every member of `self` is in `other`.
    /// - Complexity: O(capacity / 64).
    public func isSubset(of other: BitSet) -> Bool {
        for i in words.indices {
            let o = i < other.words.count ? other.words[i] : 0
            if words[i] & ~o != 0 { return false }
        }
        return true
    }

    /// Members in increasing order.
    /// - Complexity: O(capacity / 64 + count).
    public var members: [Int] {
        var out: [Int] = []
        forEachMember { out.append($0) }
        return out
    }

    /// Calls `body` for each member in increasing order.
    /// - Complexity: O(capacity / 64 + count).
    public func forEachMember(_ body: (Int) throws -> Void) rethrows {
        for (wi, word) in words.enumerated() {
            var w = word
            while w != 0 {
                let bit = w.trailingZeroBitCount
                try body(wi << 6 | bit)
                w &= w &- 1
            }
        }
    }

    /// Calls `body` for each member in `range` (clamped to the capacity), in increasing order.
    /// - Complexity: O(range.count / 64 + members in range).
    public func forEachMember(in range: Range<Int>, _ body: (Int) throws -> Void) rethrows {
        let lo = max(0, range.lowerBound), hi = min(capacity, range.upperBound)
        guard lo < hi else { return }
        for wi in (lo >> 6)...((hi - 1) >> 6) {
            var w = words[wi]
            if wi == lo >> 6 { w &= ~UInt64(0) << UInt64(lo & 63) }
            if wi == (hi - 1) >> 6, hi & 63 != 0 { w &= ~UInt64(0) >> UInt64(64 - hi & 63) }
            while w != 0 {
                try body(wi << 6 | w.trailingZeroBitCount)
                w &= w &- 1
            }
        }
    }

    /// The smallest member, if any.
    /// - Complexity: O(capacity / 64).
    public var first: Int? {
        for (wi, w) in words.enumerated() where w != 0 { return wi << 6 | w.trailingZeroBitCount }
        return nil
    }

    private mutating func clearTail() {
        let extra = words.count * 64 - capacity
        guard extra > 0, !words.isEmpty else { return }
        words[words.count - 1] &= ~UInt64(0) >> UInt64(extra)
    }
}
