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
/// Controller pods: a Gateway's are the pods labelled `gateway.networking.k8s.io/gateway-name:
/// <gateway>` in its namespace (the label Gateway API implementations put on the pods they deploy,
/// GEP-1762); an Ingress controller is not identified from the input, so Ingress backends are
/// checked from any external atom.
public enum X1: FootholdTechnique {
    public static let id = TechniqueID("X1")
    public static let title = "exploit an exposed service"
    public static let condition = """
        pod `P` backs a Service (selector matches, same namespace) that is `type: LoadBalancer` or `NodePort`, or is a \
        backend of an Ingress or a Gateway API `HTTPRoute`/`GRPCRoute`; **and** NetworkPolicy allows ingress to `P` on the \
        Service's target port (named target ports resolve on `P`) from at least one external address atom (for \
        Ingress/Gateway backends: from the gateway's pods labelled `gateway.networking.k8s.io/gateway-name` when they are \
        in the input, else from any external atom). An assumption: the exposed service is exploitable
        """
    public static let targets = "`Pod:P` (from `Internet`)"
    public static let isAssumption = true
}
