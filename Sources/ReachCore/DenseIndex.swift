/// Assigns dense integer IDs `0..<count` to hashable keys, in a caller-chosen order.
///
/// Build it from sorted keys so IDs (and every bit position derived from them) are deterministic.
/// Inlinable so that clients specialise the dictionary for their key type (an unspecialised
/// lookup or rehash goes through witness tables and is several times slower).
public struct DenseIndex<Key: Hashable & Sendable>: Sendable {
    @usableFromInline var storage: [Key] = []
    @usableFromInline var ids: [Key: Int] = [:]

    /// The keys in ID order.
    @inlinable public var keys: [Key] { storage }

    @inlinable public init() {}

    /// IDs in the order of `keys` (duplicates keep their first ID).
    /// - Complexity: O(n) expected.
    @inlinable public init<S: Sequence>(_ keys: S) where S.Element == Key {
        for key in keys { intern(key) }
    }

    /// Returns the ID of `key`, assigning the next free ID when it is new.
    /// - Complexity: O(1) expected (amortised).
    @inlinable @discardableResult
    public mutating func intern(_ key: Key) -> Int {
        let next = storage.count
        // One hash lookup: the defaulted subscript inserts `next` when the key is new.
        let id = Self.read(&ids[key, default: next])
        if id == next { storage.append(key) }
        return id
    }

    @inlinable static func read(_ value: inout Int) -> Int { value }

    /// Makes room for `n` keys in total without rehashing.
    /// - Complexity: O(n) when growing.
    @inlinable public mutating func reserveCapacity(_ n: Int) {
        ids.reserveCapacity(n)
        storage.reserveCapacity(n)
    }

    /// - Complexity: O(1) expected.
    @inlinable public func id(of key: Key) -> Int? { ids[key] }

    /// - Complexity: O(1).
    @inlinable public subscript(id: Int) -> Key { storage[id] }

    @inlinable public var count: Int { storage.count }
}
