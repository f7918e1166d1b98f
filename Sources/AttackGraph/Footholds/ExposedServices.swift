import NetworkEngine
import ReachCore
import ReachModel

/// One X1 edge: the pod, the exposure used (`Service/…`, `Ingress/…`, `HTTPRoute/…`), the target
/// port probed, and the controller endpoint it is reached from (`nil`: from an external atom).
struct ExposedPod: Sendable {
    var pod: Int
    var object: String
    var probe: ProbePort
    var via: Int?
}

/// X1's condition for every pod (footholds.md): the pods the internet can reach through an
/// exposed Service, each with the first exposure found (LoadBalancer/NodePort Services by name,
/// then Ingresses, then HTTPRoutes/GRPCRoutes).
///
/// Choices (docs/attack-techniques.md): Ingress and route backends are Services of the object's
/// own namespace (a cross-namespace `backendRef` needs a ReferenceGrant, which is not loaded, so it
/// is not followed); a backend port matches a Service port by number or name, an Ingress backend
/// without a port takes every port. When the Ingress's or route's controller pods are in the input
/// (``ControllerPods``), the backend must be reachable from one of them that is itself reachable
/// from an external atom on a port it listens on; otherwise from any external atom.
struct ExposedServices {
    let snapshot: ClusterSnapshot
    let pods: FootholdPods
    let reach: NetworkReach
    let listen: [[ProbePort]]
    private var external: [Int: Bool] = [:]
    private var reachableController: [Int: Bool] = [:]

    /// `selecting[p]`: indices into `snapshot.services` of the Services selecting pod `p` (``ServiceSelection``).
    /// - Complexity: O(pods × (Services selecting them + Ingress/route backends of the namespace) × ports ×
    ///   (external atoms + controller pods)) in the worst case; the external check is cached per
    ///   (port class, endpoint class), a controller's own exposure per controller.
    static func find(snapshot: ClusterSnapshot, pods: FootholdPods, reach: NetworkReach,
                     selecting: [[Int]], listen: [[ProbePort]]) -> [ExposedPod] {
        var x = ExposedServices(snapshot: snapshot, pods: pods, reach: reach, listen: listen)
        let byName = Dictionary(snapshot.services.map { ("\($0.namespace ?? "default")/\($0.name)", $0) }) { a, _ in a }
        let controllers = ControllerPods.find(snapshot: snapshot, reach: reach, pods: pods)
        var ingresses: [String: [Ingress]] = [:]
        for i in snapshot.ingresses { ingresses[i.namespace ?? "default", default: []].append(i) }
        var routes: [String: [GatewayRoute]] = [:]
        for r in snapshot.routes { routes[r.namespace ?? "default", default: []].append(r) }
        var out: [ExposedPod] = []
        for (p, pod) in pods.pods.enumerated() {
            guard let e = pod.endpoint else { continue }
            let ns = pod.namespace
            if let hit = pods.targetPorts(of: p, services: selecting[p].map { snapshot.services[$0] },
                                          filter: { s, _ in s.type == "LoadBalancer" || s.type == "NodePort" })
                .first(where: { x.fromOutside($0.target, e) }) {
                out.append(ExposedPod(pod: p, object: "Service/\(ns)/\(hit.service.name) port \(hit.port.port) → \(hit.target) (\(hit.service.type))",
                                      probe: hit.target, via: nil))
                continue
            }
            var found: ExposedPod?
            for ing in ingresses[ns] ?? [] where found == nil {
                found = x.backend(p, e, ing.backends, byName: byName, controllers: controllers.ingress(ing), label: "Ingress/\(ns)/\(ing.name)")
            }
            for r in routes[ns] ?? [] where found == nil {
                found = x.backend(p, e, r.backends, byName: byName, controllers: controllers.gateway(r.parentGateways),
                                  label: "\(r.kind.rawValue)/\(ns)/\(r.name)")
            }
            if let found { out.append(found) }
        }
        return out
    }

    /// The first backend of `backends` (Services of the pod's namespace) through which pod `p`
    /// (endpoint `e`) is exposed: from an exposed controller pod when `controllers` is known, else
    /// from an external atom.
    /// - Complexity: O(backends × their target ports × (controllers + external atoms)).
    private mutating func backend(_ p: Int, _ e: Int, _ backends: [ServiceBackendRef], byName: [String: Service],
                                  controllers: [Int]?, label: String) -> ExposedPod? {
        let ns = pods[p].namespace
        for b in backends where (b.namespace ?? ns) == ns {
            guard let svc = byName["\(ns)/\(b.name)"] else { continue }
            for hit in pods.targetPorts(of: p, services: [svc], filter: { _, sp in Self.matches(b.port, sp) }) {
                let via: Int?
                if let controllers {
                    guard let c = controllers.first(where: { isExposedController($0) && reaches($0, e, hit.target) }) else { continue }
                    via = c
                } else {
                    guard fromOutside(hit.target, e) else { continue }
                    via = nil
                }
                return ExposedPod(pod: p, object: "\(label) → Service/\(ns)/\(svc.name) port \(hit.port.port) → \(hit.target)",
                                  probe: hit.target, via: via)
            }
        }
        return nil
    }

    /// Whether some external address atom may connect to endpoint `e` on `probe`.
    /// - Complexity: O(external atoms) once per (port class, endpoint class).
    mutating func fromOutside(_ probe: ProbePort, _ e: Int) -> Bool {
        guard let a = reach.portAtoms.atom(for: probe) else { return false }
        let q = reach.portClassOfAtom[a], d = reach.classes.classOf[e]
        let key = q &* reach.classes.count &+ d
        if let hit = external[key] { return hit }
        let m = reach.matrix(forPortClass: q).fromExternal
        let v = (0..<m.rows).contains { m[$0, d] }
        external[key] = v
        return v
    }

    /// Whether controller endpoint `c` is reachable from outside on a port it listens on.
    private mutating func isExposedController(_ c: Int) -> Bool {
        if let hit = reachableController[c] { return hit }
        var v = false
        for probe in c < listen.count ? listen[c] : [] where fromOutside(probe, c) { v = true; break }
        reachableController[c] = v
        return v
    }

    private func reaches(_ c: Int, _ e: Int, _ probe: ProbePort) -> Bool {
        c == e || reach.allowed(.endpoint(c), .endpoint(e), probe)
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
