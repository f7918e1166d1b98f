import RBACEngine

/// E12 — client certificate via CSR.
///
/// Condition: `(create, certificates.k8s.io, certificatesigningrequests, "", "")` and
/// `(get, certificates.k8s.io, certificatesigningrequests, name=<fresh>, "")` and
/// `(update, certificates.k8s.io, certificatesigningrequests/approval, name=<fresh>, "")` and
/// `(approve, certificates.k8s.io, signers, name=kubernetes.io/kube-apiserver-client, "")`
/// (or `name=kubernetes.io/*`); kube-controller-manager signs approved CSRs for that signer.
/// Targets: any candidate `User:u`, any candidate `Group:g` **except `system:masters`**
/// (CertificateSubjectRestriction), any `ServiceAccount:N/a`.
public enum E12: EscalationTechnique {
    public static let id = TechniqueID("E12")
    public static let title = "client certificate via CSR"
    public static let condition = """
        `(create, certificates.k8s.io, certificatesigningrequests, "", "")` and \
        `(get, certificates.k8s.io, certificatesigningrequests, name=<fresh>, "")` and \
        `(update, certificates.k8s.io, certificatesigningrequests/approval, name=<fresh>, "")` and \
        `(approve, certificates.k8s.io, signers, name=kubernetes.io/kube-apiserver-client, "")` (or `name=kubernetes.io/*`); \
        kube-controller-manager signs approved CSRs for that signer
        """
    public static let targets = """
        any candidate `User:u`, any candidate `Group:g` **except `system:masters`** (the CertificateSubjectRestriction \
        admission plugin refuses O=system:masters for this signer), any `ServiceAccount:N/a`
        """

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let g = "certificates.k8s.io", fresh = AttackContext.freshName
        let create = AccessRequest.r("create", g, "certificatesigningrequests")
        let get = AccessRequest.r("get", g, "certificatesigningrequests", name: fresh)
        let approval = AccessRequest.r("update", g, "certificatesigningrequests", sub: "approval", name: fresh)
        let signers: [AccessRequest] = [.r("approve", g, "signers", name: "kubernetes.io/kube-apiserver-client"),
                                        .r("approve", g, "signers", name: "kubernetes.io/*")]
        var from = context.allowed(create)
        from.formIntersection(context.allowed(get))
        from.formIntersection(context.allowed(approval))
        from.formIntersection(context.anyAllowed(signers))
        guard !from.isEmpty else { return }
        let rs = [create, get, approval] + signers
        let c = context.candidates
        edges.add(from: from, to: c.users + c.groups.filter { $0 != .masters } + c.serviceAccounts, requests: rs)
    }
}
