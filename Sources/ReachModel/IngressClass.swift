/// A `networking.k8s.io/v1` IngressClass: which controller implements the Ingresses of the class
/// (footholds.md X1 reads it to find an Ingress's controller pods).
public struct IngressClass: KubeObject, Hashable {
    public static let kind = ObjectKind.ingressClass
    public var meta: ObjectMeta
    /// `spec.controller`, e.g. `k8s.io/ingress-nginx` (required and immutable upstream).
    public var controller: String?
    public init(meta: ObjectMeta, controller: String? = nil) {
        self.meta = meta
        self.controller = controller
    }

    /// Whether the class is marked default (annotation `ingressclass.kubernetes.io/is-default-class: "true"`,
    /// kubernetes `pkg/apis/networking` `AnnotationIsDefaultIngressClass`): Ingresses without a class get it.
    public var isDefault: Bool { meta.annotations["ingressclass.kubernetes.io/is-default-class"] == "true" }
}
