import ReachCore
import ReachModel

/// `projectcalico.org/v3` NetworkPolicy and GlobalNetworkPolicy decoding (projectcalico/calico
/// `api/pkg/apis/projectcalico/v3/networkpolicy.go`, `globalnetworkpolicy.go`, `policy_common.go`,
/// `api/pkg/lib/numorstring/port.go`). An invalid object is reported with its location and dropped.
extension ObjectDecoder {
    static func calicoKind(kind: String, apiVersion: String) -> CalicoPolicy.Kind? {
        guard apiVersion == "projectcalico.org/v3" else { return nil }
        switch kind {
        case "NetworkPolicy": return .networkPolicy
        case "GlobalNetworkPolicy": return .globalNetworkPolicy
        default: return nil
        }
    }

    /// - Complexity: O(size of the object + selector lengths).
    func calicoPolicy(_ root: Field, kind: CalicoPolicy.Kind) -> CalicoPolicy? {
        let namespaced = kind == .networkPolicy
        guard let meta = meta(root, kind: namespaced ? .networkPolicy : .clusterRole, kindName: kind.rawValue) else { return nil }
        // `Spec` is a struct upstream, not a pointer: an absent spec is the empty one (selector all()).
        guard let spec = root["spec"] else {
            return CalicoPolicy(kind: kind, meta: meta, order: nil, selector: .all, ingressApplies: true, egressApplies: false)
        }
        var order: Double? = nil
        if let o = spec["order"] {
            guard o.node.kind == .scalar, o.number != nil, let v = Double(o.node.string), v.isFinite else {
                o.ctx.error(DiagnosticID.wrongType, o.node, o.path, "expected a number")
                return nil
            }
            order = v
        }
        guard let selector = calicoSelector(spec["selector"]) else { return nil }
        var namespaceSelector: CalicoSelector? = nil
        if !namespaced, let ns = spec["namespaceSelector"] {
            guard let s = calicoSelector(ns) else { return nil }
            namespaceSelector = s
        }
        let ingressList = spec["ingress"]?.list() ?? []
        let egressList = spec["egress"]?.list() ?? []
        // networkpolicy.go `Types` default: Ingress unless there are only egress rules; Egress when
        // there are egress rules.
        var ingressApplies = !ingressList.isEmpty || egressList.isEmpty, egressApplies = !egressList.isEmpty
        if let types = spec["types"] {
            guard let list = types.stringList() else { return nil }
            for (i, t) in list.enumerated() where t != "Ingress" && t != "Egress" {
                types.ctx.error(DiagnosticID.invalidValue, types.list()?[i].node, "\(types.path)[\(i)]", "unsupported type '\(t)' (Ingress, Egress)")
                return nil
            }
            ingressApplies = list.contains("Ingress")
            egressApplies = list.contains("Egress")
        }
        let tier = spec["tier"]?.string() ?? "default"
        var policy = CalicoPolicy(kind: kind, meta: meta, tier: tier.isEmpty ? "default" : tier, order: order, selector: selector,
                                  ingressApplies: ingressApplies, egressApplies: egressApplies)
        policy.namespaceSelector = namespaceSelector
        if let v = spec["serviceAccountSelector"] {
            guard let s = calicoOptionalSelector(v) else { return nil }
            policy.serviceAccountSelector = s
        }
        // GlobalNetworkPolicy host-endpoint fields (globalnetworkpolicy.go): read, not modelled.
        let hostKeys: [StaticString] = namespaced ? [] : ["doNotTrack", "preDNAT", "applyOnForward"]
        for key in hostKeys {
            guard let f = spec[key] else { continue }
            guard let on = f.bool() else { return nil }
            if on { policy.hostEndpointFields.append(key.description) }
        }
        let ingress = ingressList.compactMap(calicoRule)
        let egress = egressList.compactMap(calicoRule)
        guard ingress.count == ingressList.count, egress.count == egressList.count else { return nil }
        policy.ingress = ingress
        policy.egress = egress
        return policy
    }

    /// A selector field (absent or empty = `all()`), parse errors located at the field.
    func calicoSelector(_ f: Field?) -> CalicoSelector? {
        guard let f else { return .all }
        guard let text = f.string() else { return nil }
        do {
            return try CalicoSelector.parse(text)
        } catch {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "invalid Calico selector '\(text)': \(error)")
            return nil
        }
    }

    func calicoRule(_ r: Field) -> CalicoPolicy.Rule? {
        guard let actionText = required(r, "action") else { return nil }
        guard let action = CalicoPolicy.Action(rawValue: actionText) else {
            r.ctx.error(DiagnosticID.invalidValue, r["action"]?.node, "\(r.path).action", "unsupported action '\(actionText)' (Allow, Deny, Log, Pass)")
            return nil
        }
        var rule = CalicoPolicy.Rule(action: action, location: r.location)
        for (isNot, value) in [(false, r["protocol"]), (true, r["notProtocol"])] {
            guard let value else { continue }
            guard value.node.kind == .scalar else { value.typeError("a protocol name or number"); return nil }
            let p = value.node.string.lowercased()
            if isNot { rule.notProtocol = p } else { rule.protocolName = p }
        }
        if r.has("http") { rule.unmodelled.append("http") }
        if r.has("icmp") { rule.unmodelled.append("icmp") }
        if r.has("notICMP") { rule.unmodelled.append("notICMP") }
        guard let src = calicoEntity(r["source"]), let dst = calicoEntity(r["destination"]) else { return nil }
        rule.source = src
        rule.destination = dst
        return rule
    }

    func calicoEntity(_ f: Field?) -> CalicoPolicy.EntityRule? {
        var e = CalicoPolicy.EntityRule()
        guard let f else { return e }
        guard f.node.kind == .mapping else { f.typeError("a mapping"); return nil }
        if let v = f["selector"] { guard let s = calicoSelector(v) else { return nil }; e.selector = s }
        if let v = f["notSelector"] { guard let s = calicoSelector(v) else { return nil }; e.notSelector = s }
        if let v = f["namespaceSelector"] { guard let s = calicoSelector(v) else { return nil }; e.namespaceSelector = s }
        if let v = f["nets"] { guard let n = calicoNets(v) else { return nil }; e.nets = n }
        if let v = f["notNets"] { guard let n = calicoNets(v) else { return nil }; e.notNets = n }
        if let v = f["ports"] { guard let p = calicoPorts(v) else { return nil }; e.ports = p }
        if let v = f["notPorts"] { guard let p = calicoPorts(v) else { return nil }; e.notPorts = p }
        if let v = f["serviceAccounts"] {
            guard let m = calicoServiceAccounts(v) else { return nil }
            e.serviceAccounts = m
        }
        return e
    }

    /// A selector where upstream tests `!= ""`: an empty or blank one adds no condition
    /// (`.some(nil)`); `nil` after a located error.
    func calicoOptionalSelector(_ f: Field) -> CalicoSelector?? {
        guard let text = f.string() else { return nil }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return .some(nil) }
        guard let s = calicoSelector(f) else { return nil }
        return .some(s)
    }

    /// `serviceAccounts` (policy_common.go `ServiceAccountMatch`: `names`, `selector`); `nil`
    /// inner result when neither restricts (rules.go `parseServiceAccounts` then returns "").
    func calicoServiceAccounts(_ f: Field) -> CalicoPolicy.ServiceAccountMatch?? {
        guard f.node.kind == .mapping else { f.typeError("a mapping"); return nil }
        var m = CalicoPolicy.ServiceAccountMatch()
        if let v = f["names"] {
            guard let names = v.stringList(), names.count == v.list()?.count else { return nil }
            m.names = names
        }
        if let v = f["selector"] {
            guard let s = calicoOptionalSelector(v) else { return nil }
            m.selector = s
        }
        return .some(m.names.isEmpty && m.selector == nil ? nil : m)
    }

    /// CIDRs (a bare address is a host route, as Calico's `IPNet` unmarshalling accepts).
    func calicoNets(_ list: Field) -> [String]? {
        guard let items = list.list() else { return nil }
        var cidrs: [String] = []
        for n in items {
            guard let text = n.string() else { return nil }
            guard let cidr = CIDR(text) ?? CIDR(text + (text.contains(":") ? "/128" : "/32")) else {
                n.ctx.error(DiagnosticID.invalidValue, n.node, n.path, "invalid CIDR '\(text)'")
                return nil
            }
            cidrs.append(cidr.description)
        }
        return cidrs
    }

    func calicoPorts(_ list: Field) -> [CalicoPolicy.Port]? {
        guard let items = list.list() else { return nil }
        let ports = items.compactMap(calicoPort)
        return ports.count == items.count ? ports : nil
    }

    /// numorstring `Port`: a number 0…65535, `"lo:hi"`, or a port name.
    func calicoPort(_ p: Field) -> CalicoPolicy.Port? {
        guard p.node.kind == .scalar else { p.typeError("a port number, range or name"); return nil }
        let text = p.node.string
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.map { Int($0) }
        if parts.count <= 2, numbers.allSatisfy({ $0 != nil }) {
            let lo = numbers[0] ?? 0, hi = numbers.last.flatMap { $0 } ?? lo
            guard (0...65535).contains(lo), (0...65535).contains(hi), lo <= hi else {
                p.ctx.error(DiagnosticID.invalidValue, p.node, p.path, "invalid port or range '\(text)'")
                return nil
            }
            return .range(lo, hi)
        }
        guard !text.isEmpty, !text.contains(":") else {
            p.ctx.error(DiagnosticID.invalidValue, p.node, p.path, "invalid port or range '\(text)'")
            return nil
        }
        return .named(text)
    }
}

extension DocumentReader {
    /// A `projectcalico.org/v3` policy (kept apart from the modelled kinds).
    func readCalicoPolicy(_ f: Field, kind: CalicoPolicy.Kind, into builder: inout ChunkResult) {
        ctx.beginObject()
        let policy = decoder.calicoPolicy(f, kind: kind)
        guard ctx.objectErrors == 0, let policy else {
            let nameNode = f.node.value(forKey: "metadata")?.value(forKey: "name")
            let name = nameNode.map { $0.kind == .scalar ? $0.string : "?" } ?? "?"
            ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "\(kind.rawValue) '\(name)' skipped because of its errors")
            return
        }
        builder.calicoPolicies.append(policy)
    }
}
