import RBACEngine

/// E13 — mutating admission webhook.
///
/// Condition: `(create, admissionregistration.k8s.io, mutatingwebhookconfigurations, "", "")`, or
/// `(update or patch, …, name=W, "")` for an existing configuration W.
/// Target: the SA of every existing pod, any namespace (the webhook rewrites the next admission of
/// those pods: injected container or token mount), whatever its automount setting.
public enum E13: EscalationTechnique {
    public static let id = TechniqueID("E13")
    public static let title = "mutating admission webhook"
    public static let condition = """
        `(create, admissionregistration.k8s.io, mutatingwebhookconfigurations, "", "")`, or \
        `(update or patch, …, name=W, "")` for an existing configuration W
        """
    public static let targets = """
        SA of every existing pod, any namespace (the webhook rewrites the next admission of those pods: \
        injected container or token mount)
        """

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let g = "admissionregistration.k8s.io", res = "mutatingwebhookconfigurations"
        var rs: [AccessRequest] = [.r("create", g, res)]
        for w in context.candidates.mutatingWebhooks {
            rs += [.r("update", g, res, name: w), .r("patch", g, res, name: w)]
        }
        let from = context.anyAllowed(rs)
        guard !from.isEmpty else { return }
        // Subject-string order with each description built once (`Principal.<` builds two
        // strings per comparison): O(P log P) comparisons of prebuilt keys for P pods.
        let targets = Candidates.sorted(Array(Set(context.candidates.pods.map(\.serviceAccount))))
        edges.add(from: from, to: targets, requests: rs)
    }
}
