import ReachCore
import ReachModel

/// Calico's per-object rules, evaluated one endpoint at a time: the reference the bitset compiler
/// is tested against and what `--explain` reports. Sources (projectcalico/calico):
/// `libcalico-go/lib/backend/syncersv1/updateprocessors/rules.go` (`getEndpointSelector`: a
/// namespaced policy's `selector`/`notSelector` are limited to its namespace unless
/// `namespaceSelector` is given), `api/pkg/apis/projectcalico/v3/constants.go` (implicit labels),
/// `policy_common.go` (`EntityRule`, `Rule`).
public enum CalicoSemantics {
    /// Calico's endpoint labels: the `ksa.<namespace>.<account>` profile's `pcsa.` labels (when the
    /// input has the ServiceAccount) under the pod's labels, then the implicit
    /// `projectcalico.org/namespace`, `projectcalico.org/orchestrator: k8s` and
    /// `projectcalico.org/serviceaccount` (``CalicoServiceAccount``).
    /// - Complexity: O(labels + ServiceAccount labels).
    public static func endpointLabels(_ e: NetworkEndpoint, catalog: EndpointCatalog) -> [String: String] {
        var labels = e.labels
        if let account = catalog.labels(ofServiceAccount: e.serviceAccount, namespace: e.namespace) {
            // Profile labels are inherited only where the endpoint has no label of that key.
            var inherited = [CalicoServiceAccount.labelPrefix + CalicoServiceAccount.profileNameLabel: e.serviceAccount]
            for (k, v) in account { inherited[CalicoServiceAccount.labelPrefix + k] = v }
            labels.merge(inherited) { own, _ in own }
        }
        labels["projectcalico.org/namespace"] = e.namespace
        labels["projectcalico.org/orchestrator"] = "k8s"
        labels[CalicoServiceAccount.nameLabel] = e.serviceAccount
        return labels
    }

    /// Namespace labels as a Calico `namespaceSelector` sees them (plus `projectcalico.org/name`).
    public static func namespaceLabels(_ namespace: String, _ catalog: EndpointCatalog) -> [String: String] {
        var labels = catalog.labels(ofNamespace: namespace)
        labels["projectcalico.org/name"] = namespace
        return labels
    }

    /// Whether `policy` applies to `e` for the direction (`types`, `selector`, the namespace of a
    /// NetworkPolicy or a GlobalNetworkPolicy's `namespaceSelector`, `serviceAccountSelector` on the
    /// `pcsa.` labels as `prefixAndAppendSelector` ANDs it). A GlobalNetworkPolicy's
    /// `all()` becomes `has(projectcalico.org/serviceaccount)` upstream when it has a
    /// `serviceAccountSelector`; every endpoint here has that label, so `all()` is kept.
    /// - Complexity: O(selector size + labels).
    public static func selects(_ policy: CalicoPolicy, _ e: NetworkEndpoint, ingress: Bool, catalog: EndpointCatalog) -> Bool {
        guard ingress ? policy.ingressApplies : policy.egressApplies else { return false }
        if policy.kind == .networkPolicy, policy.meta.namespace != e.namespace { return false }
        if let ns = policy.namespaceSelector, !ns.matches(namespaceLabels(e.namespace, catalog)) { return false }
        let labels = endpointLabels(e, catalog: catalog)
        if let sa = policy.serviceAccountSelector, !sa.matches(CalicoServiceAccount.unprefixed(labels)) { return false }
        return policy.selector.matches(labels)
    }

    /// Identity part of an entity rule on an endpoint: selectors (namespace-scoped as
    /// `getEndpointSelector` does, `serviceAccounts` counting as a selector), `serviceAccounts`
    /// (``CalicoServiceAccount/matches(_:_:)``), nets against the pod IPs.
    /// - Complexity: O(selector size + labels + IPs × nets).
    public static func entityMatches(_ r: CalicoPolicy.EntityRule, _ policy: CalicoPolicy, _ e: NetworkEndpoint,
                                     catalog: EndpointCatalog) -> Bool {
        let labels = endpointLabels(e, catalog: catalog)
        if let ns = r.namespaceSelector {
            guard ns.matches(namespaceLabels(e.namespace, catalog)) else { return false }
        } else if policy.kind == .networkPolicy, r.selector != nil || r.notSelector != nil || r.serviceAccounts != nil {
            guard e.namespace == policy.meta.namespace else { return false }
        }
        if let sa = r.serviceAccounts, !CalicoServiceAccount.matches(sa, labels) { return false }
        if let s = r.selector, !s.matches(labels) { return false }
        if let s = r.notSelector, s.matches(labels) { return false }
        if let nets = r.nets, !e.ips.contains(where: { ip in nets.contains { CIDR($0)?.contains(ip) ?? false } }) { return false }
        if e.ips.contains(where: { ip in r.notNets.contains { CIDR($0)?.contains(ip) ?? false } }) { return false }
        return true
    }

    /// Identity part of an entity rule on an address outside the cluster: a positive selector
    /// (or the namespace scoping) never matches it; `notSelector` alone does; nets by address.
    public static func entityMatches(_ r: CalicoPolicy.EntityRule, _ policy: CalicoPolicy, external address: IPAddress) -> Bool {
        if r.serviceAccounts != nil || r.selector != nil || r.namespaceSelector != nil { return false }
        if policy.kind == .networkPolicy, r.notSelector != nil { return false }
        if let nets = r.nets, !nets.contains(where: { CIDR($0)?.contains(address) ?? false }) { return false }
        if r.notNets.contains(where: { CIDR($0)?.contains(address) ?? false }) { return false }
        return true
    }

    /// Protocol names and numbers (numorstring `Protocol`) against the probe.
    public static func protocolMatches(_ rule: CalicoPolicy.Rule, _ probe: ProbePort) -> Bool {
        let names: Set<String> = switch probe.protocolName {
        case .tcp: ["tcp", "6"]
        case .udp: ["udp", "17"]
        case .sctp: ["sctp", "132"]
        }
        if let p = rule.protocolName, !names.contains(p) { return false }
        if let p = rule.notProtocol, names.contains(p) { return false }
        return true
    }

    /// Destination `ports`/`notPorts` against the probe; names resolve on the destination pod.
    public static func portsMatch(_ r: CalicoPolicy.EntityRule, _ probe: ProbePort, destination: NetworkEndpoint?) -> Bool {
        func hit(_ p: CalicoPolicy.Port) -> Bool {
            switch p {
            case .range(let lo, let hi): (lo...hi).contains(probe.port)
            case .named(let name): destination?.namedPort(name, probe.protocolName).contains(probe.port) ?? false
            }
        }
        if let ports = r.ports, !ports.contains(where: hit) { return false }
        return !r.notPorts.contains(where: hit)
    }

    /// Source ports cannot be decided offline (the client's port): such a rule matches nothing.
    public static func hasSourcePorts(_ rule: CalicoPolicy.Rule) -> Bool {
        rule.source.ports != nil || !rule.source.notPorts.isEmpty
    }
}
