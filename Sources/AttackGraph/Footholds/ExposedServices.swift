import NetworkEngine
import ReachCore
import ReachModel

/// X1's condition for every pod (footholds.md): the pods the internet can reach through an
/// exposed Service, each with the first exposure found (LoadBalancer/NodePort Services by name,
/// then Ingresses, then HTTPRoutes/GRPCRoutes).
///
/// Choices (docs/attack-techniques.md): Ingress and route backends are Services of the object's
/// own namespace (a cross-namespace `backendRef` needs a ReferenceGrant, which is not loaded, so it
/// is not followed); a backend port matches a Service port by number or name, an Ingress backend
/// without a port takes every port; a Gateway's controller pods are the endpoints labelled
/// `gateway.networking.k8s.io/gateway-name: <name>` in its namespace.
enum ExposedServices {
    /// - Complexity: O(pods × (Services + Ingress/route backends of the namespace) × ports ×
    ///   external atoms) in the worst case; the external check is cached per (port class, class).
    static func find(snapshot: ClusterSnapshot, pods: FootholdPods, reach: NetworkReach,
                     services: [String: [Service]]) -> [(pod: Int, object: String)] {
        var external: [Int: Bool] = [:]
        func fromOutside(_ probe: ProbePort, _ e: Int) -> Bool {
            guard let a = reach.portAtoms.atom(for: probe) else { return false }
            let q = reach.portClassOfAtom[a], d = reach.classes.classOf[e]
            let key = q &* reach.classes.count &+ d
            if let hit = external[key] { return hit }
            let m = reach.matrix(forPortClass: q).fromExternal
            let v = (0..<m.rows).contains { m[$0, d] }
            external[key] = v
            return v
        }
        func fromPods(_ sources: [Int], _ probe: ProbePort, _ e: Int) -> Bool {
            sources.contains { $0 == e || reach.allowed(.endpoint($0), .endpoint(e), probe) }
        }
        let byName = Dictionary(snapshot.services.map { ("\($0.namespace ?? "default")/\($0.name)", $0) }) { a, _ in a }
        var controllers: [String: [Int]] = [:]
        for (i, ep) in reach.endpoints.enumerated() {
            if let gw = ep.labels["gateway.networking.k8s.io/gateway-name"] { controllers["\(ep.namespace)/\(gw)", default: []].append(i) }
        }
        var ingresses: [String: [Ingress]] = [:]
        for i in snapshot.ingresses { ingresses[i.namespace ?? "default", default: []].append(i) }
        var routes: [String: [GatewayRoute]] = [:]
        for r in snapshot.routes { routes[r.namespace ?? "default", default: []].append(r) }
        var out: [(Int, String)] = []
        for (p, pod) in pods.pods.enumerated() {
            guard let e = pod.endpoint else { continue }
            let ns = pod.namespace
            if let hit = pods.targetPorts(of: p, services: services[ns] ?? [],
                                          filter: { s, _ in s.type == "LoadBalancer" || s.type == "NodePort" })
                .first(where: { fromOutside($0.target, e) }) {
                out.append((p, "Service/\(ns)/\(hit.service.name) port \(hit.port.port) → \(hit.target) (\(hit.service.type))"))
                continue
            }
            var found: String?
            for ing in ingresses[ns] ?? [] where found == nil {
                for b in ing.backends where found == nil {
                    guard let svc = byName["\(ns)/\(b.name)"] else { continue }
                    if let hit = pods.targetPorts(of: p, services: [svc], filter: { _, sp in matches(b.port, sp) })
                        .first(where: { fromOutside($0.target, e) }) {
                        found = "Ingress/\(ns)/\(ing.name) → Service/\(ns)/\(svc.name) port \(hit.port.port) → \(hit.target)"
                    }
                }
            }
            for r in routes[ns] ?? [] where found == nil {
                let ctrl = r.parentGateways.flatMap { controllers[$0] ?? [] }
                for b in r.backends where found == nil && (b.namespace ?? ns) == ns {
                    guard let svc = byName["\(ns)/\(b.name)"] else { continue }
                    let hit = pods.targetPorts(of: p, services: [svc], filter: { _, sp in matches(b.port, sp) })
                        .first { ctrl.isEmpty ? fromOutside($0.target, e) : fromPods(ctrl, $0.target, e) }
                    if let hit { found = "\(r.kind.rawValue)/\(ns)/\(r.name) → Service/\(ns)/\(svc.name) port \(hit.port.port) → \(hit.target)" }
                }
            }
            if let found { out.append((p, found)) }
        }
        return out
    }

    /// Whether a backend port (number or name; `nil` = any) selects Service port `sp`.
    static func matches(_ port: PortValue?, _ sp: ServicePort) -> Bool {
        switch port {
        case nil: true
        case .number(let n)?: sp.port == n
        case .name(let s)?: sp.name == s
        }
    }
}
