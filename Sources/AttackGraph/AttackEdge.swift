import ReachCore
import RBACEngine

/// One edge: `from` can act as `to` using `technique` (the expanded, per-pair view of a
/// ``Hyperedge``).
public struct AttackEdge: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var technique: TechniqueID
    /// The requests of the condition (alternatives included, in condition order); a report shows
    /// those the source state actually holds.
    public var requests: [AccessRequest]
    /// The object used (pod, secret, node, controller, …), empty when none.
    public var object: String
}

/// Every source state can act as every target state with one technique, under one condition
/// (e.g. E1: every state allowed `create pods -n N` → every ServiceAccount of N). Storing the
/// product implicitly keeps the graph linear in the input where the expanded edge list would be
/// (states × ServiceAccounts per namespace).
public struct Hyperedge: Sendable {
    public var sources: SourceSet
    /// Target state IDs, ascending.
    public var targets: [Int32]
    public var technique: TechniqueID
    /// ``TechniqueCatalog/rank(of:)`` of the technique.
    public var rank: Int
    public var requests: [AccessRequest]
    public var object: String

    func edge(from: Int, to: Int) -> AttackEdge {
        AttackEdge(from: from, to: to, technique: technique, requests: requests, object: object)
    }
}

/// The sources of a hyperedge: a bitset over states, or one state (self-grant edges).
public enum SourceSet: Sendable {
    case set(BitSet)
    case one(Int32)

    /// - Complexity: O(1).
    public func contains(_ state: Int) -> Bool {
        switch self {
        case .set(let b): b.contains(state)
        case .one(let s): Int(s) == state
        }
    }

    /// - Complexity: O(S / 64) for a set, O(1) for one state.
    public var count: Int {
        switch self {
        case .set(let b): b.count
        case .one: 1
        }
    }

    /// Calls `body` for every member, ascending.
    /// - Complexity: O(S / 64 + members) for a set, O(1) for one state.
    public func forEachMember(_ body: (Int) -> Void) {
        switch self {
        case .set(let b): b.forEachMember(body)
        case .one(let s): body(Int(s))
        }
    }
}
