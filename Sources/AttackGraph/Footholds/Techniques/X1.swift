/// X1 — exploit an exposed service (an assumption: the service is exploitable).
///
/// Condition: pod `P` backs a Service (selector matches, same namespace) that is
/// `type: LoadBalancer` or `NodePort`, or is a backend of an Ingress or a Gateway API
/// `HTTPRoute`/`GRPCRoute`; **and** NetworkPolicy allows ingress to `P` on the Service's target
/// port (named target ports resolve on `P`) from at least one external address atom (for
/// Ingress/Gateway backends: from the ingress/gateway controller's pods when they are in the
/// input, else from any external atom).
/// Target: `Pod:P` (from `Internet`).
///
/// Controller pods (``ControllerPods``): a Gateway's are the pods labelled
/// `gateway.networking.k8s.io/gateway-name: <gateway>` in its namespace (GEP-1762); an Ingress's
/// are the pods whose `--controller-class` flag names its IngressClass's `spec.controller`
/// (ingress-nginx). A controller pod counts only when it is reachable from an external atom itself.
public enum X1: FootholdTechnique {
    public static let id = TechniqueID("X1")
    public static let title = "exploit an exposed service"
    public static let condition = """
        pod `P` backs a Service (selector matches, same namespace) that is `type: LoadBalancer` or `NodePort`, or is a \
        backend of an Ingress or a Gateway API `HTTPRoute`/`GRPCRoute`; **and** NetworkPolicy allows ingress to `P` on the \
        Service's target port (named target ports resolve on `P`) from at least one external address atom (for \
        Ingress/Gateway backends: from the ingress/gateway controller's pods when they are in the input and reachable \
        from an external atom themselves, else from any external atom; see the choices below). An assumption: the \
        exposed service is exploitable
        """
    public static let targets = "`Pod:P` (from `Internet`)"
    public static let isAssumption = true
}
