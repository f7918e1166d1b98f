import ReachModel

extension ObjectDecoder {
    /// A `networking.k8s.io` IngressClass: `spec.controller` (footholds.md X1 matches it against
    /// the controller pods' `--controller-class` flag).
    func ingressClass(_ root: Field) -> IngressClass? {
        guard let meta = meta(root, kind: .ingressClass) else { return nil }
        return IngressClass(meta: meta, controller: root["spec"]?["controller"]?.string())
    }
}
