import NetworkEngine
import RBACEngine
import ReachCore
import ReachModel

/// One attack graph across the internet, pods, nodes and identities (footholds.md): the RBAC
/// escalation graph's identity states plus `Internet`, `Pod:`, `Node:` and `Node:*`, with the
/// foothold edges X1, X2, F1–F3, E1n and E7p.
///
/// State IDs: the attack graph's states `0 ..< S` keep their IDs; then `Internet` (`S`), the pods
/// (``FootholdPods`` order), the nodes (names sorted) and `Node:*` last. Every edge except X2 is
/// stored explicitly (each is linear in pods, nodes or namespaces); X2 is ``LateralMovement``.
///
/// - Complexity: construction O(``ServiceSelection`` + pods × Services selecting them × ports)
///   besides the attack graph and the network analysis; E1n and E7p (``IdentityFootholdEdges``:
///   namespaces × 8 and distinct exec requests × 2 ``StateTable/allowed(_:)``) are computed when
///   a search first expands an identity.
public struct FootholdGraph: Sendable {
    public let attack: AttackGraph
    public let pods: FootholdPods
    /// Node names, sorted (Node objects and every `spec.nodeName`).
    public let nodeNames: [String]
    let lateral: LateralMovement
    /// X1: pods reachable from the internet, ascending, with the Service and port used.
    let exposed: [ExposedPod]
    /// The network analysis the graph was built on (X1 step details name the deciding policy).
    let reach: NetworkReach
    /// F1 per pod: identity state ID, `-1` when the token is not mounted or the SA is no state.
    let tokenState: [Int32]
    /// F3 per node: pod indices on it, ascending.
    let podsOnNode: [[Int32]]
    /// E1n and E7p, computed when a search first expands an identity.
    let identityEdges: IdentityFootholdEdges
    /// E1n: identity states allowed to create an escaping pod in a namespace, per namespace.
    var escapingCreators: IdentityFootholdEdges.Creators { identityEdges.edges.creators }
    /// E7p: identity states allowed to exec into pod `pod`.
    var execers: IdentityFootholdEdges.Execers { identityEdges.edges.execers }
    /// `namespace/secret` → pods mounting it, ascending.
    let podsBySecret: [String: [Int]]
    /// Node name → index in ``nodeNames``.
    let nodeIndex: [String: Int]

    /// Builds the graph. `attack` must be built from `snapshot` with ``templateServiceAccounts(_:)``
    /// among its starts, so that every pod's ServiceAccount is a state.
    public init(snapshot: ClusterSnapshot, attack: AttackGraph, reach: NetworkReach) {
        self.attack = attack
        self.reach = reach
        let pods = FootholdPods(snapshot: snapshot, reach: reach)
        self.pods = pods
        let selection = ServiceSelection(services: snapshot.services, pods: pods)
        let listen = (0..<reach.endpoints.count).map { p in
            pods.listenPorts(of: p, services: selection.selecting[p].map { snapshot.services[$0] })
        }
        lateral = LateralMovement(reach: reach, listenPorts: listen)
        exposed = ExposedServices.find(snapshot: snapshot, pods: pods, reach: reach, selecting: selection.selecting, listen: listen)
        let names = Set(snapshot.nodes.map(\.name)).union(pods.pods.compactMap(\.nodeName))
        nodeNames = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var nodeAt: [String: Int] = [:]
        for (i, n) in nodeNames.enumerated() { nodeAt[n] = i }
        nodeIndex = nodeAt
        var onNode = [[Int32]](repeating: [], count: nodeNames.count)
        for (i, p) in pods.pods.enumerated() { if let n = p.nodeName, let k = nodeAt[n] { onNode[k].append(Int32(i)) } }
        podsOnNode = onNode
        tokenState = pods.pods.map { p in
            guard p.tokenMounted, let id = attack.table.id(of: AttackState(p.serviceAccount)) else { return -1 }
            return Int32(id)
        }
        var labels: [String: [String: String]] = [:]
        for ns in snapshot.namespaces { labels[ns.name] = ns.effectiveLabels }
        identityEdges = IdentityFootholdEdges(attack: attack, pods: pods, namespaceLabels: labels)
        var secretPods: [String: [Int]] = [:]
        for (i, p) in pods.pods.enumerated() { for s in p.secrets { secretPods["\(p.namespace)/\(s)", default: []].append(i) } }
        podsBySecret = secretPods
    }

    /// `r` with its name replaced by a fresh one when no rule lists the name: the same RBAC answer
    /// (``StateTable/mentionedNames``), so requests on unlisted names share one who-can query.
    /// - Complexity: O(1) expected.
    static func normalized(_ r: AccessRequest, _ attack: AttackGraph) -> AccessRequest {
        guard !r.name.isEmpty, !attack.table.mentionedNames.contains(r.name) else { return r }
        var out = r
        out.name = AttackContext.freshName
        return out
    }

    /// The ServiceAccounts of template pods (workloads) that no Pod names: pass them as starts of
    /// the attack graph so that F1 reaches them.
    public static func templateServiceAccounts(_ snapshot: ClusterSnapshot) -> [AttackState] {
        let sas = Set(snapshot.workloads.map {
            Principal.serviceAccount(namespace: $0.namespace ?? "default", name: $0.template.effectiveServiceAccountName)
        })
        // ``AttackState/sorted(_:)``: each sort key built once instead of strings per comparison.
        return AttackState.sorted(sas.map { AttackState($0) })
    }

    // MARK: state IDs

    public var identityCount: Int { attack.stateCount }
    public var internetID: Int { attack.stateCount }
    public func podID(_ p: Int) -> Int { attack.stateCount + 1 + p }
    public func nodeID(_ n: Int) -> Int { attack.stateCount + 1 + pods.count + n }
    public var anyNodeID: Int { attack.stateCount + 1 + pods.count + nodeNames.count }
    public var stateCount: Int { anyNodeID + 1 }

    /// The state of an ID.
    /// - Complexity: O(1).
    public func state(_ id: Int) -> FootholdState {
        if id < attack.stateCount { return .identity(attack.table[id]) }
        if id == internetID { return .internet }
        if id < nodeID(0) { return .pod(pods[id - podID(0)].name) }
        if id < anyNodeID { return .node(nodeNames[id - nodeID(0)]) }
        return .anyNode
    }

    /// The ID of a state, `nil` when it is not in the graph.
    /// - Complexity: O(log nodes) expected.
    public func id(of state: FootholdState) -> Int? {
        switch state {
        case .identity(let s): return attack.table.id(of: s)
        case .internet: return internetID
        case .pod(let name): return pods.index(named: name).map(podID)
        case .node(let n): return nodeIndex[n].map(nodeID)
        case .anyNode: return anyNodeID
        }
    }
}
