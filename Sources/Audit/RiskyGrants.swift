import AttackGraph
import RBACEngine
import ReachModel

/// One risky permission: the single definition that the least-privilege checks (``RBACRiskCheck``)
/// and the report's risky bindings (``RuleRisk/of(_:in:)``) share.
public struct RiskyGrant: Sendable {
    /// The check that reports it (`K8S-RBAC-003`).
    public let checkID: String
    /// How the report's risky bindings name it; `nil` for grants the report does not list.
    public let risk: RuleRisk?
    /// Alternatives: a grant is risky when its rule allows any of them.
    let requests: [AccessRequest]
    /// Further requirements in the same scope: each group must be allowed by some grant.
    let alsoRequired: [[AccessRequest]]
    /// Rules limited by `resourceNames` count too. True where a named object is still the whole
    /// risk (exec into a named pod, a named node's kubelet, the client signer, escalating a named
    /// role bound to oneself); false where naming the objects is the recommended narrowing
    /// (secrets, impersonated identities, bindable roles, token subjects, one webhook): what those
    /// named objects lead to is judged by the transitive checks.
    let anyName: Bool
    /// Only ClusterRoleBinding grants count (e.g. cluster-wide secret reading).
    let clusterWideOnly: Bool
    /// What the fix removes, e.g. `create on pods/exec and pods/attach`.
    let permissionText: String

    init(_ checkID: String, _ risk: RuleRisk?, requests: [AccessRequest], alsoRequired: [[AccessRequest]] = [],
         anyName: Bool = true, clusterWideOnly: Bool = false, permissionText: String) {
        self.checkID = checkID
        self.risk = risk
        self.requests = requests
        self.alsoRequired = alsoRequired
        self.anyName = anyName
        self.clusterWideOnly = clusterWideOnly
        self.permissionText = permissionText
    }

    /// Whether `rule`, granted in `scope`, allows one of ``requests`` (``alsoRequired`` is not
    /// looked at: it needs the other grants of the scope). Full wildcards count (the checks leave
    /// them to K8S-RBAC-012 themselves).
    /// - Complexity: O(requests × rule size).
    public func matches(_ rule: PolicyRule, in scope: Scope) -> Bool {
        if clusterWideOnly && scope != .cluster { return false }
        return requests.contains { RBACRisk.allows(rule, in: scope, $0, anyName: anyName) }
    }
}

/// The catalog of risky grants (one entry per least-privilege risk check).
public enum RiskyGrants {
    static let secretsRead = RiskyGrant(
        "K8S-RBAC-002", .secretsRead, requests: RBACRisk.requests(["get", "list", "watch"], "", ["secrets"]),
        anyName: false, clusterWideOnly: true, permissionText: "get/list/watch on secrets")
    static let podsExec = RiskyGrant(
        "K8S-RBAC-003", .podsExec,
        requests: RBACRisk.requests(["create"], "", ["pods"], sub: "exec") + RBACRisk.requests(["create"], "", ["pods"], sub: "attach"),
        permissionText: "pods/exec and pods/attach")
    static let createPods = RiskyGrant(
        "K8S-RBAC-004", nil,
        requests: [AccessRequest(verb: "create", resource: "pods")]
            + ControllerKinds.all.map { AccessRequest(verb: "create", apiGroup: $0.apiGroup, resource: $0.resource) },
        permissionText: "create on pods and pod controllers")
    static let impersonate = RiskyGrant(
        "K8S-RBAC-005", .impersonate, requests: RBACRisk.requests(["impersonate"], "", ["users", "groups", "serviceaccounts"]),
        anyName: false, permissionText: "impersonate")
    static let bind = RiskyGrant(
        "K8S-RBAC-006", .bindEscalate, requests: RBACRisk.requests(["bind"], "rbac.authorization.k8s.io", ["roles", "clusterroles"]),
        anyName: false, permissionText: "bind")
    static let escalate = RiskyGrant(
        "K8S-RBAC-007", .bindEscalate,
        requests: RBACRisk.requests(["escalate"], "rbac.authorization.k8s.io", ["roles", "clusterroles"]),
        permissionText: "escalate")
    static let nodesProxy = RiskyGrant(
        "K8S-RBAC-008", nil, requests: RBACRisk.requests(["get", "create"], "", ["nodes"], sub: "proxy"),
        permissionText: "nodes/proxy")
    static let csrApprove = RiskyGrant(
        "K8S-RBAC-009", nil,
        requests: RBACRisk.requests(["update", "patch"], "certificates.k8s.io", ["certificatesigningrequests"], sub: "approval"),
        alsoRequired: [RBACRisk.requests(["approve"], "certificates.k8s.io", ["signers"])],
        permissionText: "certificatesigningrequests/approval and approve on signers")
    static let webhookWrite = RiskyGrant(
        "K8S-RBAC-010", nil,
        requests: RBACRisk.requests(["create", "update", "patch", "delete"], "admissionregistration.k8s.io",
                                    ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]),
        anyName: false, permissionText: "write access to admission webhook configurations")
    static let tokenCreate = RiskyGrant(
        "K8S-RBAC-011", nil, requests: RBACRisk.requests(["create"], "", ["serviceaccounts"], sub: "token"),
        anyName: false, permissionText: "create on serviceaccounts/token")

    /// Every entry, in check-ID order.
    public static let all: [RiskyGrant] = [
        secretsRead, podsExec, createPods, impersonate, bind, escalate, nodesProxy, csrApprove, webhookWrite, tokenCreate,
    ]
}

/// Why a policy rule is dangerous to hand out, as the report's risky bindings and the RBAC graph
/// name it. Each risk is the union of audit checks: ``wildcard`` = K8S-RBAC-001 and -012,
/// ``secretsRead`` = -002, ``podsExec`` = -003, ``bindEscalate`` = -006 and -007,
/// ``impersonate`` = -005 (``RiskyGrants``), so a binding is risky exactly when the audit reports
/// its subjects for the same reason.
public enum RuleRisk: String, Sendable, CaseIterable, Comparable {
    case wildcard = "wildcard verbs, resources or API groups"
    case secretsRead = "reads secrets cluster-wide"
    case podsExec = "pods/exec or pods/attach"
    case bindEscalate = "bind/escalate roles"
    case impersonate = "impersonate"

    public static func < (a: RuleRisk, b: RuleRisk) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// The audit checks whose findings this risk stands for.
    public var checkIDs: [String] {
        switch self {
        case .wildcard: ["K8S-RBAC-001", "K8S-RBAC-012"]
        default: RiskyGrants.all.filter { $0.risk == self }.map(\.checkID)
        }
    }

    /// The risks of one rule granted in `scope` (a ClusterRoleBinding: `.cluster`; a
    /// RoleBinding: its namespace), in declaration order. A full wildcard is only ``wildcard``
    /// (the audit reports it once, as K8S-RBAC-012).
    /// - Complexity: O(catalog requests × rule size).
    public static func of(_ rule: PolicyRule, in scope: Scope = .cluster) -> [RuleRisk] {
        if RBACRisk.isFullWildcard(rule) { return [.wildcard] }
        var out: Set<RuleRisk> = []
        if RBACWildcard.wildcards(rule) != nil { out.insert(.wildcard) }
        for grant in RiskyGrants.all {
            guard let risk = grant.risk, !out.contains(risk), grant.alsoRequired.isEmpty else { continue }
            if grant.matches(rule, in: scope) { out.insert(risk) }
        }
        return out.sorted()
    }
}
