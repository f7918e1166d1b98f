import ReachCore
import ReachModel

/// `policy.networking.k8s.io` decoding: ClusterNetworkPolicy (v1alpha2) and AdminNetworkPolicy /
/// BaselineAdminNetworkPolicy (v1alpha1), validated as their CRD schemas do
/// (kubernetes-sigs/network-policy-api `apis/`): required fields, enums, priority 0…1000, exactly
/// one field per subject, peer and port. An invalid object is reported with its location and
/// dropped, as the API server would never have stored it.
extension ObjectDecoder {
    /// The admin kind for (`kind`, `apiVersion`), or `nil` when it is not one of them.
    static func adminKind(kind: String, apiVersion: String) -> AdminNetworkPolicy.Kind? {
        switch (kind, apiVersion) {
        case ("ClusterNetworkPolicy", "policy.networking.k8s.io/v1alpha2"): .clusterNetworkPolicy
        case ("AdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"): .adminNetworkPolicy
        case ("BaselineAdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"): .baselineAdminNetworkPolicy
        default: nil
        }
    }

    /// - Complexity: O(size of the object).
    func adminNetworkPolicy(_ root: Field, kind: AdminNetworkPolicy.Kind) -> AdminNetworkPolicy? {
        guard let meta = meta(root, kind: .clusterRole, kindName: kind.rawValue) else { return nil }
        guard let spec = root["spec"] else {
            root.ctx.error(DiagnosticID.missingField, root.node, "spec", "required field is missing")
            return nil
        }
        var tier = AdminNetworkPolicy.Tier.admin
        var priority = 0
        switch kind {
        case .clusterNetworkPolicy:
            guard let t = required(spec, "tier") else { return nil }
            guard let parsed = AdminNetworkPolicy.Tier(rawValue: t) else {
                spec.ctx.error(DiagnosticID.invalidValue, spec["tier"]?.node, "spec.tier", "unsupported tier '\(t)' (Admin, Baseline)")
                return nil
            }
            tier = parsed
            guard let p = adminPriority(spec) else { return nil }
            priority = p
        case .adminNetworkPolicy:
            guard let p = adminPriority(spec) else { return nil }
            priority = p
        case .baselineAdminNetworkPolicy:
            tier = .baseline
            if meta.name != "default" {
                root.ctx.error(DiagnosticID.invalidValue, root["metadata"]?["name"]?.node, "metadata.name",
                               "a BaselineAdminNetworkPolicy must be named 'default'")
                return nil
            }
        }
        guard let subjectField = spec["subject"] else {
            spec.ctx.error(DiagnosticID.missingField, spec.node, "spec.subject", "required field is missing")
            return nil
        }
        guard let subject = adminSelection(subjectField) else { return nil }
        var policy = AdminNetworkPolicy(kind: kind, meta: meta, tier: tier, priority: priority, subject: subject)
        policy.ingress = (spec["ingress"]?.list() ?? []).compactMap { adminRule($0, kind: kind, peersKey: "from") }
        policy.egress = (spec["egress"]?.list() ?? []).compactMap { adminRule($0, kind: kind, peersKey: "to") }
        return policy
    }

    private func adminPriority(_ spec: Field) -> Int? {
        guard let f = spec["priority"] else {
            spec.ctx.error(DiagnosticID.missingField, spec.node, "spec.priority", "required field is missing")
            return nil
        }
        guard let p = f.int() else { return nil }
        guard (0...1000).contains(p) else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "priority \(p) out of range 0-1000")
            return nil
        }
        return p
    }

    /// A subject or pod peer: exactly one of `namespaces` / `pods`.
    private func adminSelection(_ f: Field) -> AdminNetworkPolicy.Selection? {
        guard exactlyOne(f, ["namespaces", "pods"]) else { return nil }
        if let ns = f["namespaces"] { return .namespaces(selector(ns)) }
        if let pods = f["pods"] {
            guard pods.has("podSelector") else {
                pods.ctx.error(DiagnosticID.missingField, pods.node, "\(pods.path).podSelector", "required field is missing")
                return nil
            }
            return .pods(namespaceSelector: pods["namespaceSelector"].map(selector) ?? .everything,
                         podSelector: pods["podSelector"].map(selector) ?? .everything)
        }
        return nil
    }

    /// Upstream MinProperties/MaxProperties = 1: exactly one of `keys` is set, and nothing else.
    private func exactlyOne(_ f: Field, _ keys: [String]) -> Bool {
        guard let pairs = f.pairs() else { return false }
        let set = pairs.map(\.0)
        let unknown = set.filter { !keys.contains($0) }
        if let u = unknown.first {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "unknown field '\(u)' (expected exactly one of \(keys.joined(separator: ", ")))")
            return false
        }
        guard set.count == 1 else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path,
                        "exactly one of \(keys.joined(separator: ", ")) must be set, found \(set.count)")
            return false
        }
        return true
    }

    private func adminRule(_ r: Field, kind: AdminNetworkPolicy.Kind, peersKey: StaticString) -> AdminNetworkPolicy.Rule? {
        guard let actionText = required(r, "action") else { return nil }
        let allowed: [String: AdminNetworkPolicy.Action] = switch kind {
        case .clusterNetworkPolicy: ["Accept": .accept, "Deny": .deny, "Pass": .pass]
        case .adminNetworkPolicy: ["Allow": .accept, "Deny": .deny, "Pass": .pass]
        case .baselineAdminNetworkPolicy: ["Allow": .accept, "Deny": .deny]
        }
        guard let action = allowed[actionText] else {
            r.ctx.error(DiagnosticID.invalidValue, r["action"]?.node, "\(r.path).action",
                        "unsupported action '\(actionText)' (\(allowed.keys.sorted().joined(separator: ", ")))")
            return nil
        }
        guard let peerList = r[peersKey]?.list(), !peerList.isEmpty else {
            r.ctx.error(DiagnosticID.missingField, r.node, "\(r.path).\(peersKey)", "required field is missing or empty")
            return nil
        }
        let egress = "\(peersKey)" == "to"
        let peers = peerList.compactMap { adminPeer($0, egress: egress, domainNames: kind != .baselineAdminNetworkPolicy) }
        guard peers.count == peerList.count else { return nil }
        var rule = AdminNetworkPolicy.Rule(name: r["name"]?.string() ?? "", action: action, peers: peers, location: r.location)
        let portsKey: StaticString = kind == .clusterNetworkPolicy ? "protocols" : "ports"
        if let list = r[portsKey]?.list() {
            let ports = list.compactMap { kind == .clusterNetworkPolicy ? cnpProtocol($0) : anpPort($0) }
            guard ports.count == list.count else { return nil }
            rule.ports = ports.isEmpty ? nil : ports
        }
        if rule.ports?.contains(where: { if case .named = $0 { true } else { false } }) == true,
           peers.contains(where: { if case .selection = $0 { false } else { true } }) {
            r.ctx.error(DiagnosticID.invalidValue, r.node, r.path,
                        "networks/nodes/domainNames peers cannot be set with named ports")
            return nil
        }
        return rule
    }

    /// Ingress peers: namespaces, pods; egress adds nodes, networks and (not for
    /// BaselineAdminNetworkPolicy) domainNames.
    private func adminPeer(_ p: Field, egress: Bool, domainNames: Bool) -> AdminNetworkPolicy.Peer? {
        let keys = egress ? ["namespaces", "pods", "nodes", "networks"] + (domainNames ? ["domainNames"] : []) : ["namespaces", "pods"]
        guard exactlyOne(p, keys) else { return nil }
        if let nodes = p["nodes"] { return .nodes(selector(nodes)) }
        if let nets = p["networks"] {
            var cidrs: [String] = []
            for n in nets.list() ?? [] {
                guard let text = n.string() else { return nil }
                guard CIDR(text) != nil else {
                    n.ctx.error(DiagnosticID.invalidValue, n.node, n.path, "invalid CIDR '\(text)'")
                    return nil
                }
                cidrs.append(text)
            }
            return cidrs.isEmpty ? nil : .networks(cidrs)
        }
        if let names = p["domainNames"] { return .domainNames(names.stringList() ?? []) }
        return adminSelection(p).map(AdminNetworkPolicy.Peer.selection)
    }
}
