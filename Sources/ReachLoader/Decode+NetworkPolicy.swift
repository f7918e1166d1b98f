import ReachCore
import ReachModel

/// NetworkPolicy decoding with the API server's validation (pkg/apis/networking/validation):
/// invalid policies are reported with their location and dropped, as the API server would
/// never have stored them.
extension ObjectDecoder {
    func networkPolicy(_ root: Field) -> NetworkPolicy? {
        guard let meta = meta(root, kind: .networkPolicy) else { return nil }
        guard let spec = root["spec"] else {
            root.ctx.error(DiagnosticID.missingField, root.node, "spec", "required field is missing")
            return nil
        }
        var policy = NetworkPolicy(meta: meta, podSelector: spec["podSelector"].map(selector) ?? .everything)
        if let types = spec["policyTypes"] {
            var parsed: [PolicyType] = []
            for t in types.list() ?? [] {
                guard let text = t.string() else { continue }
                guard let type = PolicyType(rawValue: text) else {
                    t.ctx.error(DiagnosticID.invalidValue, t.node, t.path, "unsupported policyType '\(text)' (Ingress, Egress)")
                    continue
                }
                parsed.append(type)
            }
            policy.policyTypes = parsed
        }
        if spec.has("ingress") { policy.ingress = (spec["ingress"]?.list() ?? []).map { rule($0, peersKey: "from") } }
        if spec.has("egress") { policy.egress = (spec["egress"]?.list() ?? []).map { rule($0, peersKey: "to") } }
        return policy
    }

    private func rule(_ r: Field, peersKey: StaticString) -> NetworkPolicyRule {
        var rule = NetworkPolicyRule(location: r.location)
        if r.has("ports") { rule.ports = (r["ports"]?.list() ?? []).compactMap(policyPort) }
        if r.has(peersKey) { rule.peers = (r[peersKey]?.list() ?? []).compactMap(peer) }
        return rule
    }

    private func policyPort(_ p: Field) -> NetworkPolicyPort? {
        var port = NetworkPolicyPort()
        if let proto = p["protocol"] {
            guard let parsed = networkProtocol(proto) else { return nil }
            port.protocolName = parsed
        }
        if let value = p["port"] {
            guard let v = value.intOrString() else { return nil }
            switch v {
            case .number(let n):
                guard (1...65535).contains(n) else {
                    value.ctx.error(DiagnosticID.invalidValue, value.node, value.path, "port \(n) out of range 1-65535")
                    return nil
                }
            case .name(let name):
                guard Self.isValidPortName(name) else {
                    value.ctx.error(DiagnosticID.invalidValue, value.node, value.path,
                                    "'\(name)' is not a valid port name (IANA_SVC_NAME: ≤15 lowercase letters, digits, '-', with a letter)")
                    return nil
                }
            }
            port.port = v
        }
        if let end = p["endPort"] {
            guard let e = end.int() else { return nil }
            switch port.port {
            case .number(let start)?:
                guard e >= start, e <= 65535 else {
                    end.ctx.error(DiagnosticID.invalidValue, end.node, end.path,
                                  "endPort \(e) must be ≥ port \(start) and ≤ 65535")
                    return nil
                }
            case .name?:
                end.ctx.error(DiagnosticID.invalidValue, end.node, end.path, "endPort may not be set with a named port")
                return nil
            case nil:
                end.ctx.error(DiagnosticID.invalidValue, end.node, end.path, "endPort may not be set without port")
                return nil
            }
            port.endPort = e
        }
        return port
    }

    private func peer(_ p: Field) -> NetworkPolicyPeer? {
        var peer = NetworkPolicyPeer()
        peer.podSelector = p["podSelector"].map(selector)
        peer.namespaceSelector = p["namespaceSelector"].map(selector)
        // `podSelector: {}` decodes as an empty mapping, not null: keep "present but empty".
        if peer.podSelector == nil, p.has("podSelector") { peer.podSelector = .everything }
        if peer.namespaceSelector == nil, p.has("namespaceSelector") { peer.namespaceSelector = .everything }
        if let block = p["ipBlock"] {
            guard let cidrText = required(block, "cidr") else { return nil }
            guard let cidr = CIDR(cidrText) else {
                block.ctx.error(DiagnosticID.invalidValue, block["cidr"]?.node, "\(block.path).cidr", "invalid CIDR '\(cidrText)'")
                return nil
            }
            var except: [String] = []
            for e in block["except"]?.list() ?? [] {
                guard let text = e.string() else { continue }
                guard let ex = CIDR(text) else {
                    e.ctx.error(DiagnosticID.invalidValue, e.node, e.path, "invalid CIDR '\(text)'")
                    continue
                }
                if !cidr.contains(ex) || ex == cidr {
                    e.ctx.error(DiagnosticID.invalidValue, e.node, e.path, "must be a strict subset of cidr \(cidrText)")
                    continue
                }
                except.append(text)
            }
            peer.ipBlock = IPBlock(cidr: cidrText, except: except)
            if peer.podSelector != nil || peer.namespaceSelector != nil {
                p.ctx.error(DiagnosticID.invalidValue, p.node, p.path, "may not specify both ipBlock and another peer")
                return nil
            }
        }
        if peer.podSelector == nil, peer.namespaceSelector == nil, peer.ipBlock == nil {
            p.ctx.error(DiagnosticID.missingField, p.node, p.path, "must specify a peer (podSelector, namespaceSelector or ipBlock)")
            return nil
        }
        return peer
    }

    /// IANA_SVC_NAME validation (k8s.io/apimachinery validation.IsValidPortName).
    static func isValidPortName(_ name: String) -> Bool {
        guard (1...15).contains(name.count), !name.hasPrefix("-"), !name.hasSuffix("-"), !name.contains("--") else { return false }
        var hasLetter = false
        for ch in name.unicodeScalars {
            switch ch {
            case "a"..."z": hasLetter = true
            case "0"..."9", "-": continue
            default: return false
            }
        }
        return hasLetter
    }
}
