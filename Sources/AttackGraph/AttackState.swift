import RBACEngine
import ReachModel

extension Scope {
    /// How a self-grant's scope is printed in hop strings (escalation.md): `N` or `*`.
    public var hopText: String {
        switch self {
        case .cluster: "*"
        case .namespace(let n): n
        }
    }

    /// Whether a self-grant of this scope applies to `request`: `*` covers every request
    /// (resource and non-resource), `N` covers only resource requests in namespace `N`.
    public func covers(_ request: AccessRequest) -> Bool {
        switch self {
        case .cluster: true
        case .namespace(let n): request.isResourceRequest && request.namespace == n
        }
    }
}

/// A role the actor bound to itself (E9) or rewrote to hold everything (E10).
public enum SelfGrant: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `ClusterRole:R@N` (E9a, bound by a RoleBinding in N) or `ClusterRole:R@*` (E9c).
    case clusterRole(name: String, scope: Scope)
    /// `Role:N/R@N` (E9b).
    case role(namespace: String, name: String)
    /// `ALL@scope` (E10): every request within the scope.
    case all(scope: Scope)

    public var scope: Scope {
        switch self {
        case .clusterRole(_, let s), .all(let s): s
        case .role(let ns, _): .namespace(ns)
        }
    }

    /// The hop suffix of interfaces.md: `ClusterRole:R@N`, `Role:N/R@N`, `ALL@scope`.
    public var description: String {
        switch self {
        case .clusterRole(let r, let s): "ClusterRole:\(r)@\(s.hopText)"
        case .role(let ns, let r): "Role:\(ns)/\(r)@\(ns)"
        case .all(let s): "ALL@\(s.hopText)"
        }
    }
}

/// A node of the attack graph: an identity (a candidate principal, or the start identity with
/// explicit groups) optionally extended by one self-grant (`X+<grant>`).
///
/// Modelling choice: a state carries at most one self-grant. Binding a second role from a grant
/// state replaces the first (`X+G1 → X+G2`), so paths that need two self-grants at once are not
/// found (an under-approximation, documented in docs/attack-techniques.md).
public struct AttackState: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var principal: Principal
    /// Exact groups of the identity when given (a start such as `--from User:u --group g`);
    /// `nil` = the groups of escalation.md's table.
    public var groups: [String]?
    public var grant: SelfGrant?

    public init(_ principal: Principal, groups: [String]? = nil, grant: SelfGrant? = nil) {
        self.principal = principal
        self.groups = groups
        self.grant = grant
    }

    /// The same identity without a self-grant.
    public var base: AttackState { AttackState(principal, groups: groups) }

    /// `ServiceAccount:dev/deployer`, `User:u+ClusterRole:admin@prod`, `User:u+ALL@*`.
    public var description: String {
        guard let grant else { return principal.description }
        return "\(principal)+\(grant)"
    }

    /// The authorizer identity (escalation.md "Identities"): `User:u` → `u` +
    /// `system:authenticated`; a ServiceAccount → its username and three groups; `Group:g` → no
    /// user (a fresh one matches no binding), groups `g` and `system:authenticated`.
    public var identity: Identity {
        switch principal {
        case .user(let u): Identity(user: u, groups: groups ?? ["system:authenticated"])
        case .serviceAccount(let ns, let n):
            groups.map { Identity(user: principal.username, groups: $0) } ?? .serviceAccount(namespace: ns, name: n)
        case .group(let g): Identity(user: nil, groups: groups ?? [g, "system:authenticated"])
        }
    }

    /// `states` in ``<`` order, each sort key built once (``<`` builds strings per comparison).
    /// - Complexity: O(n log n) comparisons of precomputed keys.
    public static func sorted<S: Sequence>(_ states: S) -> [AttackState] where S.Element == AttackState {
        states.map { ($0.sortKey, $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// Byte key with the order of ``<``: principal description, groups, grant (NUL-separated;
    /// no component contains NUL).
    var sortKey: [UInt8] {
        Array(principal.description.utf8) + [0] + Array((groups?.joined(separator: ",") ?? "").utf8) + [0]
            + Array((grant?.description ?? "").utf8)
    }

    public static func < (a: AttackState, b: AttackState) -> Bool {
        if a.principal != b.principal { return a.principal < b.principal }
        let ga = a.groups?.joined(separator: ",") ?? "", gb = b.groups?.joined(separator: ",") ?? ""
        if ga != gb { return ga < gb }
        return (a.grant?.description ?? "") < (b.grant?.description ?? "")
    }
}
