/// How Calico exposes a pod's ServiceAccount to selectors (projectcalico/calico):
///
/// - the workload endpoint carries `projectcalico.org/serviceaccount: <name>`
///   (`libcalico-go/lib/backend/k8s/conversion/workload_endpoint_default.go`, `apiv3.LabelServiceAccount`);
/// - the ServiceAccount becomes the profile `ksa.<namespace>.<name>` whose labels are the
///   ServiceAccount's labels prefixed `pcsa.` plus `pcsa.projectcalico.org/name: <name>`
///   (`conversion.go` `ServiceAccountToProfile`), inherited by the endpoint where it has no
///   label of that key;
/// - `serviceAccountSelector` and `serviceAccounts.selector` are rewritten with their keys
///   prefixed `pcsa.`, and `serviceAccounts.names` to `projectcalico.org/serviceaccount in {…}`
///   (`libcalico-go/lib/backend/syncersv1/updateprocessors/rules.go` `parseServiceAccounts`,
///   `networkpolicyprocessor.go` `prefixAndAppendSelector`).
public enum CalicoServiceAccount {
    /// `apiv3.LabelServiceAccount`.
    public static let nameLabel = "projectcalico.org/serviceaccount"
    /// `conversion.ServiceAccountLabelPrefix`.
    public static let labelPrefix = "pcsa."
    /// `conversion.NameLabel`, under ``labelPrefix`` on the profile.
    public static let profileNameLabel = "projectcalico.org/name"

    /// The endpoint's labels as a prefixed selector sees them: the keys starting `pcsa.`, with
    /// the prefix removed (evaluating `s` here equals evaluating `s` with every key prefixed).
    /// - Complexity: O(labels).
    public static func unprefixed(_ endpointLabels: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in endpointLabels where k.hasPrefix(labelPrefix) { out[String(k.dropFirst(labelPrefix.count))] = v }
        return out
    }

    /// Whether `match` accepts an endpoint with Calico labels `labels` (``unprefixed(_:)`` for the
    /// selector, the `projectcalico.org/serviceaccount` label for the names).
    /// - Complexity: O(labels + selector size + names).
    public static func matches(_ match: CalicoPolicy.ServiceAccountMatch, _ labels: [String: String]) -> Bool {
        if !match.names.isEmpty, !(labels[nameLabel].map(match.names.contains) ?? false) { return false }
        if let s = match.selector, !s.matches(unprefixed(labels)) { return false }
        return true
    }
}
