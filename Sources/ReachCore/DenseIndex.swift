/// Assigns dense integer IDs `0..<count` to hashable keys, in a caller-chosen order.
///
/// Build it from sorted keys so IDs (and every bit position derived from them) are deterministic.
public struct DenseIndex<Key: Hashable & Sendable>: Sendable {
    public private(set) var keys: [Key] = []
    private var ids: [Key: Int] = [:]

    public init() {}

    /// IDs in the order of `keys` (duplicates keep their first ID).
    /// - Complexity: O(n) expected.
    public init<S: Sequence>(_ keys: S) where S.Element == Key {
        for key in keys { intern(key) }
    }

    /// Returns the ID of `key`, assigning the next free ID when it is new.
    /// - Complexity: O(1) expected.
    @discardableResult
    public mutating func intern(_ key: Key) -> Int {
        if let id = ids[key] { return id }
        let id = keys.count
        keys.append(key)
        ids[key] = id
        return id
    }

    /// - Complexity: O(1) expected.
    public func id(of key: Key) -> Int? { ids[key] }

    /// - Complexity: O(1).
    public subscript(id: Int) -> Key { keys[id] }

    public var count: Int { keys.count }
}
