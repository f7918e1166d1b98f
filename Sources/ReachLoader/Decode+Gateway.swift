import ReachModel

/// Gateway API (gateway.networking.k8s.io) `Gateway`, `HTTPRoute` and `GRPCRoute`, and the
/// Ingress backend port: the facts the foothold edge X1 needs (footholds.md). Wrong-typed or
/// out-of-range fields give located diagnostics through ``Field``; the object is kept without them.
extension ObjectDecoder {
    /// `spec.gatewayClassName` and `spec.listeners[]` (`name`, `port` 1–65535, `protocol`).
    func gateway(_ root: Field) -> Gateway? {
        guard let meta = meta(root, kind: .gateway) else { return nil }
        let spec = root["spec"]
        let listeners: [GatewayListener] = (spec?["listeners"]?.list() ?? []).compactMap { l in
            guard let portField = l["port"] else {
                l.ctx.error(DiagnosticID.missingField, l.node, "\(l.path).port", "required field is missing")
                return nil
            }
            guard let port = portNumber(portField) else { return nil }
            return GatewayListener(name: l["name"]?.string() ?? "", port: port, protocolName: l["protocol"]?.string() ?? "")
        }
        return Gateway(meta: meta, gatewayClassName: spec?["gatewayClassName"]?.string(), listeners: listeners)
    }

    /// `spec.parentRefs[]` (Gateways, the route's namespace by default) and the Service
    /// `backendRefs[]` of `spec.rules[]` (`group` "" and `kind` Service are the defaults; other
    /// kinds are not Services and are skipped). A backend without `port` is kept with no port:
    /// the Gateway API requires it for Services, so the diagnostic is an error.
    func route(_ root: Field, kind: ObjectKind) -> GatewayRoute? {
        guard let meta = meta(root, kind: kind) else { return nil }
        let spec = root["spec"], ns = meta.namespace ?? "default"
        var parents = Set<String>()
        for p in spec?["parentRefs"]?.list() ?? [] {
            let k = p["kind"]?.string() ?? "Gateway", g = p["group"]?.string() ?? "gateway.networking.k8s.io"
            guard k == "Gateway", g == "gateway.networking.k8s.io", let name = p["name"]?.string() else { continue }
            parents.insert("\(p["namespace"]?.string() ?? ns)/\(name)")
        }
        var backends = Set<ServiceBackendRef>()
        for rule in spec?["rules"]?.list() ?? [] {
            for b in rule["backendRefs"]?.list() ?? [] {
                let k = b["kind"]?.string() ?? "Service", g = b["group"]?.string() ?? ""
                guard k == "Service", g == "" else { continue }
                guard let name = b["name"]?.string() else {
                    b.ctx.error(DiagnosticID.missingField, b.node, "\(b.path).name", "required field is missing")
                    continue
                }
                var port: PortValue?
                if let pf = b["port"] {
                    port = portNumber(pf).map(PortValue.number)
                } else {
                    b.ctx.error(DiagnosticID.missingField, b.node, "\(b.path).port", "required for a Service backend")
                }
                backends.insert(ServiceBackendRef(namespace: b["namespace"]?.string() ?? ns, name: name, port: port))
            }
        }
        return GatewayRoute(kind: kind, meta: meta, parentGateways: parents.sorted(), backends: backends.sorted())
    }

    /// An Ingress `service.port` (networking.k8s.io/v1): `number` (1–65535) or `name`.
    func ingressServicePort(_ f: Field) -> PortValue? {
        if let n = f["number"] { return portNumber(n).map(PortValue.number) }
        if let s = f["name"]?.string() { return .name(s) }
        return nil
    }
}
