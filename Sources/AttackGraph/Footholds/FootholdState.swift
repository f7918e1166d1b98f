import RBACEngine

/// A node of the foothold graph (footholds.md "States"): an identity of escalation.md, or one of
/// the footholds of running code. One enum case per kind, so later kinds (a cloud identity, the
/// kubelet's identity) are added as cases without touching the others.
public enum FootholdState: Hashable, Sendable, CustomStringConvertible {
    /// An identity state of the RBAC attack graph (`User:u`, `ServiceAccount:N/a`, `X+grant`).
    case identity(AttackState)
    /// An attacker outside the cluster, at any address outside the pod IPs.
    case internet
    /// Code execution in any container of a pod, named as `reach` names it: `N/p`, or
    /// `N/name[Kind]` for a workload's template pod.
    case pod(String)
    /// Root on node `n`.
    case node(String)
    /// Root on the node of a pod whose node is not known (no `spec.nodeName`).
    case anyNode

    /// `Internet`, `Pod:N/p`, `Node:n`, `Node:*`, or the identity's subject string.
    public var description: String {
        switch self {
        case .identity(let s): s.description
        case .internet: "Internet"
        case .pod(let p): "Pod:\(p)"
        case .node(let n): "Node:\(n)"
        case .anyNode: "Node:*"
        }
    }

    /// Parses a foothold start or goal: `internet` / `Internet`, `Pod:N/p`, `Node:n`, `Node:*`
    /// (identities are parsed by the RBAC subject parser, not here). `nil` for anything else.
    public static func parse(_ text: String) -> FootholdState? {
        if text == "internet" || text == "Internet" { return .internet }
        if text == "Node:*" { return .anyNode }
        if text.hasPrefix("Pod:"), text.count > 4 { return .pod(String(text.dropFirst(4))) }
        if text.hasPrefix("Node:"), text.count > 5 { return .node(String(text.dropFirst(5))) }
        return nil
    }
}

/// A goal of a foothold search (footholds.md "Goals reached by footholds").
public enum FootholdGoal: Hashable, Sendable, CustomStringConvertible {
    /// An RBAC request; `get secrets` goals are also reached by states holding the secret's content.
    case request(AccessRequest)
    /// Any `Node:` state (root on some node).
    case anyNode
    /// Root on node `n`.
    case node(String)

    public var description: String {
        switch self {
        case .request(let r): r.description
        case .anyNode: "node"
        case .node(let n): "Node:\(n)"
        }
    }
}
