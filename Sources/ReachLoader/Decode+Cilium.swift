import ReachCore
import ReachModel

/// `cilium.io/v2` CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy decoding, L3/L4
/// (cilium/cilium `pkg/policy/api/rule.go`, `ingress.go`, `egress.go`, `cidr.go`, `l4.go`). Wrong
/// types and invalid values are located errors that drop the object; L7 and the selectors that
/// need data kube-reach does not have offline are kept as ``ReachModel/CiliumPolicy/Unmodelled``.
extension ObjectDecoder {
    /// The Cilium kind for (`kind`, `apiVersion`), or `nil`.
    static func ciliumKind(kind: String, apiVersion: String) -> CiliumPolicy.Kind? {
        guard apiVersion == "cilium.io/v2" else { return nil }
        return CiliumPolicy.Kind(rawValue: kind)
    }

    /// - Complexity: O(size of the object).
    func ciliumPolicy(_ root: Field, kind: CiliumPolicy.Kind) -> CiliumPolicy? {
        guard let meta = meta(root, kind: kind == .namespaced ? .networkPolicy : .clusterRole, kindName: kind.rawValue) else { return nil }
        var specs: [CiliumPolicy.Spec] = []
        if let spec = root["spec"] { specs.append(ciliumSpec(spec, path: "spec", kind: kind)) }
        for (i, s) in (root["specs"]?.list() ?? []).enumerated() { specs.append(ciliumSpec(s, path: "specs[\(i)]", kind: kind)) }
        if specs.isEmpty, !root.has("spec"), !root.has("specs") {
            root.ctx.error(DiagnosticID.missingField, root.node, "spec", "one of spec or specs is required")
            return nil
        }
        return CiliumPolicy(kind: kind, meta: meta, specs: specs)
    }

    private func ciliumSpec(_ f: Field, path: String, kind: CiliumPolicy.Kind) -> CiliumPolicy.Spec {
        var spec = CiliumPolicy.Spec(path: path, endpointSelector: f["endpointSelector"].map(selector))
        if let node = f["nodeSelector"] {
            if kind == .namespaced {
                node.ctx.error(DiagnosticID.invalidValue, node.node, node.path, "nodeSelector is only valid in a CiliumClusterwideNetworkPolicy")
            }
            spec.unmodelled.append(.init(path: "\(path).nodeSelector", what: "nodeSelector (host policies: nodes are not endpoints here); this rule is left out", location: node.location))
        }
        if spec.endpointSelector == nil, !f.has("nodeSelector") {
            f.ctx.error(DiagnosticID.missingField, f.node, "\(path).endpointSelector", "one of endpointSelector or nodeSelector is required")
        }
        if spec.endpointSelector != nil, f.has("nodeSelector") {
            f.ctx.error(DiagnosticID.invalidValue, f.node, path, "endpointSelector and nodeSelector are mutually exclusive")
        }
        if let dd = f["enableDefaultDeny"] {
            spec.defaultDenyIngress = dd["ingress"]?.bool()
            spec.defaultDenyEgress = dd["egress"]?.bool()
        }
        spec.ingress = ciliumRules(f, "ingress", path, ingress: true, deny: false, &spec.unmodelled)
        spec.egress = ciliumRules(f, "egress", path, ingress: false, deny: false, &spec.unmodelled)
        spec.ingressDeny = ciliumRules(f, "ingressDeny", path, ingress: true, deny: true, &spec.unmodelled)
        spec.egressDeny = ciliumRules(f, "egressDeny", path, ingress: false, deny: true, &spec.unmodelled)
        return spec
    }

    private func ciliumRules(_ spec: Field, _ key: StaticString, _ path: String, ingress: Bool, deny: Bool,
                             _ unmodelled: inout [CiliumPolicy.Unmodelled]) -> [CiliumPolicy.Rule] {
        (spec[key]?.list() ?? []).map { r in
            var rule = CiliumPolicy.Rule(peers: [], location: r.location)
            for sel in r[ingress ? "fromEndpoints" : "toEndpoints"]?.list() ?? [] { rule.peers.append(.endpoints(selector(sel))) }
            for e in r[ingress ? "fromEntities" : "toEntities"]?.stringList() ?? [] { rule.peers.append(.entity(e)) }
            for c in r[ingress ? "fromCIDR" : "toCIDR"]?.list() ?? [] {
                if let text = ciliumCIDR(c) { rule.peers.append(.cidr(IPBlock(cidr: text))) }
            }
            for c in r[ingress ? "fromCIDRSet" : "toCIDRSet"]?.list() ?? [] {
                if let set = ciliumCIDRRule(c) { rule.peers.append(.cidr(set)) }
            }
            if let ports = r["toPorts"]?.list() {
                rule.ports = ports.flatMap { ciliumPortRule($0, &unmodelled) }
            }
            let other: [(StaticString, String)] = ingress
                ? [("fromRequires", "fromRequires"), ("fromGroups", "fromGroups"), ("fromNodes", "fromNodes"), ("icmps", "icmps")]
                : [("toRequires", "toRequires"), ("toFQDNs", "toFQDNs (no DNS offline)"), ("toServices", "toServices"),
                   ("toGroups", "toGroups"), ("toNodes", "toNodes"), ("icmps", "icmps")]
            // Allow rules stay an upper bound: FQDN and cloud-group targets are outside the cluster
            // (read as entity world), services may be anything (read as entity all); deny rules are
            // read without the field (what they deny is a lower bound).
            let widen: [String: String] = ["toFQDNs": "world", "toGroups": "world", "toServices": "all"]
            for (k, what) in other where r.has(k) {
                let key = "\(k)"
                var bound = deny ? "the rule is read without it (lower bound of what it denies)" : "the rule is read without it (upper bound of what it allows)"
                if !deny, let entity = widen[key] {
                    rule.peers.append(.entity(entity))
                    bound = "read as entity \(entity) (upper bound of what it allows)"
                }
                unmodelled.append(.init(path: "\(r.path).\(k)", what: "\(what) is not modelled; \(bound)", location: r[k]?.location ?? r.location))
            }
            return rule
        }
    }

    private func ciliumCIDR(_ c: Field) -> String? {
        guard let text = c.string() else { return nil }
        guard CIDR(text) != nil || CIDR(text + (text.contains(":") ? "/128" : "/32")) != nil else {
            c.ctx.error(DiagnosticID.invalidValue, c.node, c.path, "invalid CIDR '\(text)'")
            return nil
        }
        return CIDR(text) != nil ? text : text + (text.contains(":") ? "/128" : "/32")
    }

    private func ciliumCIDRRule(_ c: Field) -> IPBlock? {
        if c.has("cidrGroupRef") || c.has("cidrGroupSelector") {
            c.ctx.error(DiagnosticID.invalidValue, c.node, c.path, "cidrGroupRef/cidrGroupSelector are not modelled (CiliumCIDRGroup objects are not read)")
            return nil
        }
        guard let cidrField = c["cidr"] else {
            c.ctx.error(DiagnosticID.missingField, c.node, "\(c.path).cidr", "required field is missing")
            return nil
        }
        guard let cidr = ciliumCIDR(cidrField) else { return nil }
        let except = (c["except"]?.list() ?? []).compactMap(ciliumCIDR)
        return IPBlock(cidr: cidr, except: except)
    }

    /// One `toPorts` entry: its `ports` (absent or empty = every port); `rules` (L7) noted.
    private func ciliumPortRule(_ p: Field, _ unmodelled: inout [CiliumPolicy.Unmodelled]) -> [CiliumPolicy.Port] {
        if let rules = p["rules"] {
            unmodelled.append(.init(path: rules.path, what: "L7 rules are not modelled; the port is read as allowed for every request (upper bound)", location: rules.location))
        }
        for k: StaticString in ["serverNames", "originatingTLS", "terminatingTLS", "listener"] where p.has(k) {
            unmodelled.append(.init(path: "\(p.path).\(k)", what: "\(k) is not modelled", location: p.location))
        }
        guard let list = p["ports"]?.list(), !list.isEmpty else { return [CiliumPolicy.Port(protocols: NetworkProtocol.allCases, port: nil)] }
        return list.compactMap(ciliumPort)
    }

    private func ciliumPort(_ f: Field) -> CiliumPolicy.Port? {
        var protocols = Array(NetworkProtocol.allCases)
        if let text = f["protocol"]?.string(), !text.isEmpty, text != "ANY" {
            guard let p = NetworkProtocol(rawValue: text) else {
                f.ctx.error(DiagnosticID.invalidValue, f["protocol"]?.node, "\(f.path).protocol",
                            "unsupported protocol '\(text)' (TCP, UDP, SCTP, ANY; ICMP is set with icmps)")
                return nil
            }
            protocols = [p]
        }
        var port: PortValue? = nil
        if let value = f["port"]?.intOrString() {
            switch value {
            case .number(let n):
                guard (0...65535).contains(n) else {
                    f.ctx.error(DiagnosticID.invalidValue, f["port"]?.node, "\(f.path).port", "port \(n) out of range 0-65535")
                    return nil
                }
                port = n == 0 ? nil : .number(n)
            case .name(let s):
                if let n = Int(s) {
                    guard (0...65535).contains(n) else {
                        f.ctx.error(DiagnosticID.invalidValue, f["port"]?.node, "\(f.path).port", "port \(n) out of range 0-65535")
                        return nil
                    }
                    port = n == 0 ? nil : .number(n)
                } else {
                    port = .name(s)
                }
            }
        }
        var endPort: Int? = nil
        if let e = f["endPort"]?.int(), case .number(let n)? = port, e > n {
            guard e <= 65535 else {
                f.ctx.error(DiagnosticID.invalidValue, f["endPort"]?.node, "\(f.path).endPort", "endPort \(e) out of range")
                return nil
            }
            endPort = e
        }
        return CiliumPolicy.Port(protocols: protocols, port: port, endPort: endPort)
    }
}
