import RBACEngine

/// E11 — kubelet API via node proxy.
///
/// Condition: `(get or create, "", nodes/proxy, name=node, ns="")`; the kubelet authorizes `/exec`,
/// `/run`, `/attach` as `nodes/proxy`, with the verb taken from the HTTP method, so GET (WebSocket)
/// suffices.
/// Target: the SA of every pod on that node (`spec.nodeName`) with a mounted token.
public enum E11: EscalationTechnique {
    public static let id = TechniqueID("E11")
    public static let title = "kubelet API via node proxy"
    public static let condition = """
        `(get or create, "", nodes/proxy, name=node, ns="")`; the kubelet authorizes `/exec`, `/run`, `/attach` \
        as `nodes/proxy`, with the verb taken from the HTTP method, so GET (WebSocket) suffices
        """
    public static let targets = "SA of every pod on that node with a mounted token"

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        var byNode: [String: [PodFact]] = [:]
        for pod in context.candidates.pods where pod.tokenMounted {
            if let node = pod.nodeName { byNode[node, default: []].append(pod) }
        }
        for (node, pods) in byNode.sorted(by: { $0.key < $1.key }) {
            let rs: [AccessRequest] = [.r("get", "", "nodes", sub: "proxy", name: node),
                                       .r("create", "", "nodes", sub: "proxy", name: node)]
            let from = context.anyAllowed(rs)
            for pod in pods {
                edges.add(from: from, to: pod.serviceAccount, requests: rs, object: "Node/\(node) Pod/\(pod.namespace)/\(pod.name)")
            }
        }
    }
}
