import NetworkEngine
import ReachModel

/// The pods (network endpoints) that implement an Ingress or a Gateway, when the input holds them
/// (footholds.md X1: "from the ingress/gateway controller's pods when they are in the input").
///
/// * Gateway: the endpoints of the Gateway's namespace labelled
///   `gateway.networking.k8s.io/gateway-name: <gateway>`, the label Gateway API implementations
///   put on the data-plane pods they deploy for a Gateway (GEP-1762, "In-Cluster Gateway
///   Deployments").
/// * Ingress: its class is `spec.ingressClassName`, else the deprecated annotation
///   `kubernetes.io/ingress.class`, else the one IngressClass marked default (none when several
///   are: the API server then picks by creation time, which the input does not tell reliably).
///   The class's IngressClass gives `spec.controller`; its pods are the endpoints with a
///   container whose command line has `--controller-class=<controller>` (ingress-nginx's flag,
///   docs/user-guide/cli-arguments.md; the static and Helm manifests set it). Other controllers
///   (Traefik, the AKS application-routing add-on, …) carry no such link in their manifests,
///   so their Ingresses fall back to any external atom.
///
/// `nil` means "not in the input": X1 then checks the backend from any external address atom.
struct ControllerPods: Sendable {
    /// `namespace/gateway` → endpoints, ascending.
    let byGateway: [String: [Int]]
    /// IngressClass name → controller endpoints, ascending (classes with at least one).
    let byIngressClass: [String: [Int]]
    /// The class an Ingress without a class gets, when exactly one IngressClass is default.
    let defaultIngressClass: String?

    /// - Complexity: O(endpoints + IngressClasses).
    static func find(snapshot: ClusterSnapshot, reach: NetworkReach, pods: FootholdPods) -> ControllerPods {
        var gateways: [String: [Int]] = [:]
        var byController: [String: [Int]] = [:]
        for (i, ep) in reach.endpoints.enumerated() {
            if let gw = ep.labels["gateway.networking.k8s.io/gateway-name"] { gateways["\(ep.namespace)/\(gw)", default: []].append(i) }
            if i < pods.count, pods[i].endpoint == i { for k in pods[i].ingressControllerClasses { byController[k, default: []].append(i) } }
        }
        var classes: [String: [Int]] = [:]
        for ic in snapshot.ingressClasses {
            if let k = ic.controller, let pods = byController[k] { classes[ic.name] = pods }
        }
        let defaults = snapshot.ingressClasses.filter(\.isDefault)
        return ControllerPods(byGateway: gateways, byIngressClass: classes,
                              defaultIngressClass: defaults.count == 1 ? defaults.first?.name : nil)
    }

    /// The controller pods of a route's parent Gateways (`namespace/name`), `nil` when none is in the input.
    /// - Complexity: O(parents + their pods).
    func gateway(_ parents: [String]) -> [Int]? {
        let pods = parents.flatMap { byGateway[$0] ?? [] }
        return pods.isEmpty ? nil : pods
    }

    /// The controller pods of an Ingress's class, `nil` when they are not identified in the input.
    /// - Complexity: O(1) expected.
    func ingress(_ ingress: Ingress) -> [Int]? {
        guard let c = Self.className(ingress) ?? defaultIngressClass else { return nil }
        return byIngressClass[c]
    }

    /// `spec.ingressClassName`, else the deprecated `kubernetes.io/ingress.class` annotation.
    static func className(_ ingress: Ingress) -> String? {
        ingress.ingressClassName ?? ingress.meta.annotations["kubernetes.io/ingress.class"]
    }
}

extension PodSpec {
    /// The values of ingress-nginx's `--controller-class=` flag on any container's command line, sorted.
    /// - Complexity: O(containers × command-line words).
    var ingressControllerClasses: [String] {
        let prefix = "--controller-class="
        var out = Set<String>()
        for c in containers { for w in c.commandLine where w.hasPrefix(prefix) { out.insert(String(w.dropFirst(prefix.count))) } }
        return out.sorted()
    }
}
