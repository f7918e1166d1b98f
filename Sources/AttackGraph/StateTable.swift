import ReachCore
import RBACEngine

/// The states of one attack graph with what is needed to decide their permissions in bulk.
///
/// A state's permissions are its identity's RBAC permissions, or its self-grant's rules when the
/// grant's scope covers the request (escalation.md "Path semantics"). ``allowed(_:)`` answers one
/// request for every state at once from a single who-can query: a state holds the request when any
/// principal of its identity is in the who-can set (masters included by the engine's convention),
/// or when its grant covers it.
public struct StateTable: Sendable {
    public let index: RBACIndex
    public private(set) var states: DenseIndex<AttackState>
    /// Index principal ID → states whose identity includes that principal.
    private var statesOfPrincipal: [Int: [Int32]] = [:]
    /// State IDs that carry a self-grant.
    private var grantStates: [Int32] = []
    /// Role lookup for self-grants: `ClusterRole` names and `Role` `ns/name` → role index.
    private let clusterRoleIndex: [String: Int]
    private let roleIndex: [String: Int]
    /// Every name listed in some rule's `resourceNames`. A request naming anything else is allowed
    /// exactly when the same request with a fresh name is, so such requests share one answer.
    public let mentionedNames: Set<String>

    public init(index: RBACIndex) {
        self.index = index
        states = DenseIndex()
        var cr: [String: Int] = [:], r: [String: Int] = [:]
        for (i, role) in index.roles.enumerated() {
            if i < index.clusterRoleCount { cr[role.ref.name] = i } else { r["\(role.ref.namespace ?? "")/\(role.ref.name)"] = i }
        }
        clusterRoleIndex = cr
        roleIndex = r
        var names = Set<String>()
        for role in index.roles { for rule in role.rules { names.formUnion(rule.rule.resourceNames) } }
        mentionedNames = names
    }

    public var count: Int { states.count }
    public subscript(id: Int) -> AttackState { states[id] }
    public func id(of state: AttackState) -> Int? { states.id(of: state) }

    /// Adds `state` (no-op when present) and returns its ID.
    /// - Complexity: O(groups of the identity) expected.
    @discardableResult
    public mutating func add(_ state: AttackState) -> Int {
        if let id = states.id(of: state) { return id }
        let id = states.intern(state)
        for p in state.identity.principals {
            if let pid = index.principals.id(of: p) { statesOfPrincipal[pid, default: []].append(Int32(id)) }
        }
        if state.grant != nil { grantStates.append(Int32(id)) }
        return id
    }

    /// Role index of a ClusterRole / Role by name (`nil` when missing).
    public func clusterRole(named name: String) -> Int? { clusterRoleIndex[name] }
    public func role(namespace: String, name: String) -> Int? { roleIndex["\(namespace)/\(name)"] }

    /// Whether `grant` (alone, without the base identity) allows `request`.
    /// - Complexity: O(size of the granted role's rules).
    public func grantAllows(_ grant: SelfGrant, _ request: AccessRequest) -> Bool {
        guard grant.scope.covers(request) else { return false }
        let roleID: Int?
        switch grant {
        case .all: return true
        case .clusterRole(let name, _): roleID = clusterRole(named: name)
        case .role(let ns, let name): roleID = role(namespace: ns, name: name)
        }
        guard let roleID else { return false }
        return index.roles[roleID].rules.contains { RuleMatching.allows($0.rule, request) }
    }

    /// Every state allowed `request`, as a bitset over state IDs.
    /// - Complexity: one ``RBACEngine/RBACIndex/whoCan(_:)`` plus O(Σ states of the allowed
    ///   principals + grant states × rules of their granted roles).
    public func allowed(_ request: AccessRequest) -> BitSet {
        var out = BitSet(capacity: count)
        let answer = index.whoCan(request)
        answer.allowed.forEachMember { pid in
            for s in statesOfPrincipal[pid] ?? [] { out.insert(Int(s)) }
        }
        for s in grantStates where !out.contains(Int(s)) {
            if let g = states[Int(s)].grant, grantAllows(g, request) { out.insert(Int(s)) }
        }
        return out
    }

    /// The IDs of states whose identity includes principal `p` (binding subjects, E10).
    func states(withPrincipal pid: Int) -> [Int32] { statesOfPrincipal[pid] ?? [] }
}
