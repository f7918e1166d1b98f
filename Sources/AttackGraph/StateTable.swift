import ReachCore
import RBACEngine
import ReachModel

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
    /// Per state: the principal IDs of its identity and whether it is in `system:masters`
    /// (resolved once for ``allows(_:_:)``).
    private var principalIDs: [[Int]] = []
    private var inMasters: [Bool] = []
    /// States `0 ..< index.principals.count` are the index's principals in ID order (the plain
    /// identity of each), so a who-can answer over principals is already the bitset of those
    /// states. Every other way a state's identity includes a principal (a group of a user or
    /// ServiceAccount, a principal outside the index, explicit start groups) is recorded here:
    /// principal ID → those identity states (no grant states; they follow their base).
    private var members: [Int: BitSet] = [:]
    /// `(grant state, its base state)` in ID order; the base is always the smaller ID.
    private var grantBases: [(member: Int32, condition: Int32)] = []
    /// Base state → its grant states.
    private var grantsOfBase: [Int32: [Int32]] = [:]
    /// The states carrying each self-grant, and the grants by scope: a request in namespace N can
    /// only be allowed by grants scoped to N or to the cluster, and each distinct grant is matched
    /// once per request however many states carry it.
    private var grantMembers: [SelfGrant: BitSet] = [:]
    private var clusterGrants: [SelfGrant] = []
    private var namespaceGrants: [String: [SelfGrant]] = [:]
    /// State ID → ID of the same identity without a self-grant (itself for identity states; `-1`
    /// when that state is not in the table).
    private var baseIDs: [Int32] = []
    /// Role index of each grant's role (`-1` for `ALL`, `nil` entry when the role is missing).
    private var grantRole: [SelfGrant: Int] = [:]
    /// Role lookup for self-grants: `ClusterRole` names and `Role` `ns/name` → role index.
    private let clusterRoleIndex: [String: Int]
    private let roleIndex: [String: Int]
    /// Every name listed in some rule's `resourceNames`. A request naming anything else is allowed
    /// exactly when the same request with a fresh name is, so such requests share one answer.
    public let mentionedNames: Set<String>
    /// Per role of the index: whether some rule lists its name (then `bind`/`escalate` on it has
    /// its own answer; otherwise the fresh name's).
    public let listedRoles: [Bool]

    /// A table holding the plain identity of every principal of `index`, in principal ID order.
    /// - Complexity: O(P × groups) for P principals.
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
        listedRoles = index.roles.map { names.contains($0.ref.name) }
        for p in index.principals.keys { add(AttackState(p)) }
    }

    /// A table without states (what a finished ``AttackContext`` keeps).
    init(emptyFor index: RBACIndex) {
        self.index = index
        states = DenseIndex()
        clusterRoleIndex = [:]
        roleIndex = [:]
        mentionedNames = []
        listedRoles = []
    }

    public var count: Int { states.count }

    /// Makes room for `n` states in total (no rehashing while they are added).
    mutating func reserveCapacity(_ n: Int) {
        states.reserveCapacity(n)
        baseIDs.reserveCapacity(n)
        principalIDs.reserveCapacity(n)
        inMasters.reserveCapacity(n)
    }
    public subscript(id: Int) -> AttackState { states[id] }
    public func id(of state: AttackState) -> Int? { states.id(of: state) }

    /// Adds `state` (no-op when present) and returns its ID.
    /// - Complexity: O(groups of the identity) expected, plus O(S / 64) when a member set grows.
    @discardableResult
    public mutating func add(_ state: AttackState) -> Int {
        let before = states.count
        let id = states.intern(state)
        if id < before { return id }
        let base = state.grant == nil ? Int32(id) : Int32(states.id(of: state.base) ?? -1)
        baseIDs.append(base)
        let pids: [Int]
        if base >= 0, base != Int32(id) {
            // A grant state's identity is its base's.
            pids = principalIDs[Int(base)]
            inMasters.append(inMasters[Int(base)])
        } else if state.groups == nil, case .serviceAccount(let ns, let name) = state.principal,
                  !ns.contains(":"), !name.contains(":") {
            // Identity.serviceAccount without building and re-parsing its strings: the account
            // and its three groups (looked up once per namespace).
            let own = index.principals.id(of: state.principal)
            pids = (own.map { [$0] } ?? []) + serviceAccountGroupIDs(namespace: ns)
            inMasters.append(false)
        } else {
            let identity = state.identity
            pids = identity.principals.compactMap { index.principals.id(of: $0) }
            inMasters.append(identity.groups.contains("system:masters"))
        }
        principalIDs.append(pids)
        if base >= 0, base != Int32(id) {
            grantBases.append((Int32(id), base))
            grantsOfBase[base, default: []].append(Int32(id))
        } else {
            for pid in pids where pid != id { Self.insert(id, into: &members[pid, default: BitSet(capacity: 0)]) }
        }
        if let g = state.grant {
            if grantMembers[g] == nil {
                switch g.scope {
                case .cluster: clusterGrants.append(g)
                case .namespace(let n): namespaceGrants[n, default: []].append(g)
                }
                switch g {
                case .all: grantRole[g] = -1
                case .clusterRole(let name, _): grantRole[g] = clusterRole(named: name)
                case .role(let ns, let name): grantRole[g] = role(namespace: ns, name: name)
                }
            }
            Self.insert(id, into: &grantMembers[g, default: BitSet(capacity: 0)])
        }
        return id
    }

    /// Principal IDs of `system:serviceaccounts`, `system:serviceaccounts:<ns>` and
    /// `system:authenticated` (those in the index), in that order; cached per namespace.
    private mutating func serviceAccountGroupIDs(namespace ns: String) -> [Int] {
        if let hit = saGroupIDs[ns] { return hit }
        let ids = ["system:serviceaccounts", "system:serviceaccounts:\(ns)", "system:authenticated"]
            .compactMap { index.principals.id(of: .group($0)) }
        saGroupIDs[ns] = ids
        return ids
    }
    private var saGroupIDs: [String: [Int]] = [:]

    /// Inserts `id` into a member set that grows geometrically (its capacity may trail the table).
    private static func insert(_ id: Int, into set: inout BitSet) {
        if set.capacity <= id { set = set.resized(to: max(64, 2 * (id + 1))) }
        set.insert(id)
    }

    /// The states whose identity includes principals allowed in `principals` (a who-can answer):
    /// the identity-mapped states, the recorded members, then every grant state whose base is in.
    /// - Complexity: O(S / 64 × allowed principals with members + grant states).
    func states(ofPrincipals principals: BitSet) -> BitSet {
        // `count ≥ index.principals.count`: the table starts with every principal.
        var out = principals.resized(to: count)
        for (pid, set) in members where principals.contains(pid) { out.formUnion(set) }
        out.insertMembers(where: grantBases)
        return out
    }

    /// ID of `state`'s identity without its self-grant (`id` itself when it has none), `nil` when
    /// that identity is not a state.
    /// - Complexity: O(1).
    public func baseID(of id: Int) -> Int? { baseIDs[id] < 0 ? nil : Int(baseIDs[id]) }

    /// Whether state `id` carries a self-grant.
    /// - Complexity: O(1).
    public func hasGrant(_ id: Int) -> Bool { baseIDs[id] != Int32(id) }

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
        case .clusterRole(let name, _): roleID = grantRole[grant] ?? clusterRole(named: name)
        case .role(let ns, let name): roleID = grantRole[grant] ?? role(namespace: ns, name: name)
        }
        guard let roleID else { return false }
        return roleAllows(roleID, request)
    }

    private func roleAllows(_ roleID: Int, _ request: AccessRequest) -> Bool {
        roleID < 0 || index.roleAllows(roleID, request)
    }

    /// Every state allowed `request`, as a bitset over state IDs.
    /// - Complexity: one ``RBACEngine/RBACIndex/allowedPrincipals(_:)`` plus ``states(ofPrincipals:)`` plus
    ///   O(distinct grants in the request's scope × (rules of their roles + S / 64)).
    public func allowed(_ request: AccessRequest) -> BitSet {
        var out = states(ofPrincipals: index.allowedPrincipals(request))
        func addGrants(_ grants: [SelfGrant]) {
            for g in grants {
                guard let role = grantRole[g], roleAllows(role, request) else { continue }
                if let m = grantMembers[g] { out.formUnion(m) }
            }
        }
        addGrants(clusterGrants)
        if request.isResourceRequest, let grants = namespaceGrants[request.namespace] { addGrants(grants) }
        return out
    }

    /// Whether state `id` may do `request`: its identity's RBAC permissions or its grant in scope.
    /// - Complexity: one ``RBACEngine/RBACIndex/allows(_:_:)`` plus the grant's rules.
    public func allows(_ id: Int, _ request: AccessRequest) -> Bool {
        if index.allows(principalIDs: principalIDs[id], inSystemMasters: inMasters[id], request) { return true }
        if let g = states[id].grant { return grantAllows(g, request) }
        return false
    }

    /// What decides state `id`'s permissions for the requests of `scope` (resource requests in
    /// namespace N for `.namespace(N)`; cluster-scope and non-resource requests for `.cluster`):
    /// `nil` when it holds all of them (`system:masters` under the bypass, or an `ALL` grant
    /// covering the scope), else the roles whose rules it holds there, ascending: those bound to
    /// its identity in scope (``RBACEngine/RBACIndex/boundRoles(principalIDs:namespace:)``) and its
    /// grant's role when the grant covers the scope. ``allows(_:_:)`` for such a request is then
    /// exactly "a rule of one of these roles allows it".
    /// - Complexity: ``RBACEngine/RBACIndex/boundRoles(principalIDs:namespace:)``.
    func heldRoles(of id: Int, in scope: Scope) -> [Int]? {
        if index.options.mastersBypass && inMasters[id] { return nil }
        let ns: String?
        switch scope {
        case .cluster: ns = nil
        case .namespace(let n): ns = n
        }
        var roles = index.boundRoles(principalIDs: principalIDs[id], namespace: ns)
        guard let g = states[id].grant, g.scope == .cluster || g.scope == scope, let role = grantRole[g] else {
            return roles
        }
        if role < 0 { return nil }
        if !roles.contains(role) {
            roles.append(role)
            roles.sort()
        }
        return roles
    }

    /// Whether identity states other than principal `p`'s own include it (`p` is a group of
    /// users or ServiceAccounts, or a start's explicit group). Fixed once the identity states
    /// are added: grant states are not recorded.
    /// - Complexity: O(1) expected.
    func hasMembers(_ p: Int32) -> Bool { members[Int(p)] != nil }

    /// The states in `mask` whose identity includes one of `principals` (a binding's subjects,
    /// E10), ascending.
    /// - Complexity: O(principals + their grant states) unless a principal has recorded members
    ///   (a group such as `system:authenticated`): then as ``states(ofPrincipals:)``.
    func states(withPrincipals principals: [Int32], in mask: BitSet) -> [Int] {
        if principals.contains(where: hasMembers) {
            let set = BitSet(capacity: index.principals.count, members: principals.map(Int.init))
            return states(ofPrincipals: set).intersection(mask).members
        }
        var out: [Int] = []
        for p in principals {
            if Int(p) < index.principals.count, mask.contains(Int(p)) { out.append(Int(p)) }
            for g in grantsOfBase[p] ?? [] where mask.contains(Int(g)) { out.append(Int(g)) }
        }
        return principals.count > 1 ? Array(Set(out)).sorted() : out
    }

}
