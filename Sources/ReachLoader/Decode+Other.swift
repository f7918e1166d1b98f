import ReachModel

extension ObjectDecoder {
    func namespace(_ root: Field) -> Namespace? {
        meta(root, kind: .namespace).map(Namespace.init(meta:))
    }

    func service(_ root: Field) -> Service? {
        guard let meta = meta(root, kind: .service) else { return nil }
        let spec = root["spec"]
        let ports: [ServicePort] = (spec?["ports"]?.list() ?? []).compactMap { p in
            guard let numberField = p["port"] else {
                p.ctx.error(DiagnosticID.missingField, p.node, "\(p.path).port", "required field is missing")
                return nil
            }
            guard let number = portNumber(numberField) else { return nil }
            let proto = p["protocol"].map(networkProtocol) ?? .tcp
            guard let proto else { return nil }
            return ServicePort(name: p["name"]?.string(), port: number, targetPort: p["targetPort"]?.intOrString(),
                               protocol: proto, nodePort: p["nodePort"]?.int())
        }
        return Service(meta: meta, type: spec?["type"]?.string() ?? "ClusterIP",
                       selector: spec?["selector"]?.stringMap(), ports: ports,
                       loadBalancerSourceRanges: spec?["loadBalancerSourceRanges"]?.stringList() ?? [])
    }

    func ingress(_ root: Field) -> Ingress? {
        guard let meta = meta(root, kind: .ingress) else { return nil }
        let spec = root["spec"]
        var backends = Set<String>()
        var refs = Set<ServiceBackendRef>()
        func backend(_ b: Field?) {
            guard let name = b?["service"]?["name"]?.string() ?? b?["serviceName"]?.string() else { return }
            backends.insert(name)
            // networking.k8s.io/v1: service.port.number | service.port.name; v1beta1: servicePort.
            let port = b?["service"]?["port"].flatMap(ingressServicePort) ?? b?["servicePort"]?.intOrString()
            refs.insert(ServiceBackendRef(name: name, port: port))
        }
        backend(spec?["defaultBackend"] ?? spec?["backend"])
        var hosts: [String] = []
        for rule in spec?["rules"]?.list() ?? [] {
            if let h = rule["host"]?.string() { hosts.append(h) }
            for path in rule["http"]?["paths"]?.list() ?? [] { backend(path["backend"]) }
        }
        let tls = (spec?["tls"]?.list() ?? []).compactMap { $0["secretName"]?.string() }
        return Ingress(meta: meta, ingressClassName: spec?["ingressClassName"]?.string(), hosts: hosts,
                       backendServices: backends.sorted(), tlsSecretNames: tls, backends: refs.sorted())
    }

    /// Secret metadata only: values are never read, only the number of keys is counted.
    func secret(_ root: Field) -> Secret? {
        guard let meta = meta(root, kind: .secret) else { return nil }
        let keys = Set((root["data"]?.pairs() ?? []).map(\.0)).union((root["stringData"]?.pairs() ?? []).map(\.0))
        return Secret(meta: meta, type: root["type"]?.string() ?? "Opaque", keyCount: keys.count)
    }

    func configMap(_ root: Field) -> ConfigMap? {
        meta(root, kind: .configMap).map(ConfigMap.init(meta:))
    }

    func node(_ root: Field) -> ReachModel.Node? {
        guard let meta = meta(root, kind: .node) else { return nil }
        let spec = root["spec"], status = root["status"]
        var cidrs = spec?["podCIDRs"]?.stringList() ?? []
        if let c = spec?["podCIDR"]?.string(), !cidrs.contains(c) { cidrs.insert(c, at: 0) }
        let internalIPs = (status?["addresses"]?.list() ?? []).compactMap { a -> String? in
            a["type"]?.string() == "InternalIP" ? a["address"]?.string() : nil
        }
        return ReachModel.Node(meta: meta, podCIDRs: cidrs, internalIPs: internalIPs,
                    kubeletVersion: status?["nodeInfo"]?["kubeletVersion"]?.string(),
                    osImage: status?["nodeInfo"]?["osImage"]?.string())
    }

    func webhookConfiguration(_ root: Field, kind: ObjectKind) -> WebhookConfiguration? {
        guard let meta = meta(root, kind: kind) else { return nil }
        let hooks: [Webhook] = (root["webhooks"]?.list() ?? []).map { w in
            let rules = (w["rules"]?.list() ?? []).map { r in
                WebhookRule(operations: r["operations"]?.stringList() ?? [], apiGroups: r["apiGroups"]?.stringList() ?? [],
                            apiVersions: r["apiVersions"]?.stringList() ?? [], resources: r["resources"]?.stringList() ?? [],
                            scope: r["scope"]?.string())
            }
            let client = w["clientConfig"]
            var service: String? = nil
            if let s = client?["service"] {
                service = "\(s["namespace"]?.string() ?? "")/\(s["name"]?.string() ?? "")"
            }
            return Webhook(name: w["name"]?.string() ?? "", rules: rules, failurePolicy: w["failurePolicy"]?.string(),
                           namespaceSelector: w["namespaceSelector"].map(selector),
                           objectSelector: w["objectSelector"].map(selector), service: service, url: client?["url"]?.string())
        }
        return WebhookConfiguration(kind: kind, meta: meta, webhooks: hooks)
    }

    func resourceQuota(_ root: Field) -> ResourceQuota? {
        guard let meta = meta(root, kind: .resourceQuota) else { return nil }
        var hard: [String: String] = [:]
        for (k, v) in root["spec"]?["hard"]?.pairs() ?? [] {
            if v.node.kind == .scalar { hard[k] = v.node.string }
        }
        return ResourceQuota(meta: meta, hard: hard)
    }

    func limitRange(_ root: Field) -> LimitRange? {
        guard let meta = meta(root, kind: .limitRange) else { return nil }
        let types = (root["spec"]?["limits"]?.list() ?? []).compactMap { $0["type"]?.string() }
        return LimitRange(meta: meta, limitTypes: types)
    }
}
