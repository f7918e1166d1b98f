import ReachModel

extension ObjectDecoder {
    func securityContext(_ f: Field?) -> SecurityContext? {
        guard let f else { return nil }
        let caps = f["capabilities"]
        return SecurityContext(
            privileged: f["privileged"]?.bool(),
            runAsNonRoot: f["runAsNonRoot"]?.bool(),
            runAsUser: f["runAsUser"]?.int(),
            allowPrivilegeEscalation: f["allowPrivilegeEscalation"]?.bool(),
            readOnlyRootFilesystem: f["readOnlyRootFilesystem"]?.bool(),
            capabilitiesAdd: caps?["add"]?.stringList() ?? [],
            capabilitiesDrop: caps?["drop"]?.stringList() ?? [],
            seccompProfileType: f["seccompProfile"]?["type"]?.string())
    }

    func containerPorts(_ c: Field) -> [ContainerPort] {
        (c["ports"]?.list() ?? []).compactMap { p in
            guard let numberField = p["containerPort"] else {
                p.ctx.error(DiagnosticID.missingField, p.node, "\(p.path).containerPort", "required field is missing")
                return nil
            }
            guard let number = portNumber(numberField) else { return nil }
            let proto = p["protocol"].map(networkProtocol) ?? .tcp
            guard let proto else { return nil }
            return ContainerPort(name: p["name"]?.string(), containerPort: number, protocol: proto,
                                 hostPort: p["hostPort"]?.int())
        }
    }

    func container(_ c: Field, role: Container.Role) -> Container {
        var envSecrets: [String] = []
        for e in c["env"]?.list() ?? [] {
            if let name = e["valueFrom"]?["secretKeyRef"]?["name"]?.string() { envSecrets.append(name) }
        }
        var envFromSecrets: [String] = []
        for e in c["envFrom"]?.list() ?? [] {
            if let name = e["secretRef"]?["name"]?.string() { envFromSecrets.append(name) }
        }
        let resources = c["resources"]
        var container = Container(
            name: c["name"]?.string() ?? "",
            image: c["image"]?.string(),
            role: role,
            ports: containerPorts(c),
            securityContext: securityContext(c["securityContext"]),
            envSecretNames: envSecrets,
            envFromSecretNames: envFromSecrets,
            hasResourceRequests: resources?["requests"] != nil,
            hasResourceLimits: resources?["limits"] != nil)
        container.commandLine = (c["command"]?.stringList() ?? []) + (c["args"]?.stringList() ?? [])
        return container
    }

    func volume(_ v: Field) -> Volume {
        var sources: [Volume.Source] = []
        if let s = v["secret"] { sources.append(.secret(name: s["secretName"]?.string() ?? "")) }
        if let h = v["hostPath"] { sources.append(.hostPath(path: h["path"]?.string() ?? "")) }
        if let c = v["configMap"] { sources.append(.configMap(name: c["name"]?.string() ?? "")) }
        if let p = v["persistentVolumeClaim"] { sources.append(.persistentVolumeClaim(claim: p["claimName"]?.string() ?? "")) }
        if let c = v["csi"] {
            let driver = c["driver"]?.string() ?? ""
            sources.append(.csi(driver: driver))
            if driver == "secrets-store.csi.k8s.io", let spc = c["volumeAttributes"]?["secretProviderClass"]?.string() {
                sources.append(.secretProviderClass(name: spc))
            }
        }
        for s in v["projected"]?["sources"]?.list() ?? [] {
            if s["serviceAccountToken"] != nil { sources.append(.projectedServiceAccountToken) }
            if let sec = s["secret"] { sources.append(.secret(name: sec["name"]?.string() ?? "")) }
            if let cm = s["configMap"] { sources.append(.configMap(name: cm["name"]?.string() ?? "")) }
        }
        if sources.isEmpty, let pairs = v.pairs() {
            for (key, _) in pairs where key != "name" { sources.append(.other(key)) }
        }
        return Volume(name: v["name"]?.string() ?? "", sources: sources)
    }

    /// Decodes a `core/v1` PodSpec.
    func podSpec(_ s: Field?) -> PodSpec {
        guard let s else { return PodSpec() }
        var containers: [Container] = []
        let roles: [(StaticString, Container.Role)] = [("initContainers", .initContainer), ("containers", .regular),
                                                     ("ephemeralContainers", .ephemeral)]
        for (key, role) in roles {
            containers += (s[key]?.list() ?? []).map { container($0, role: role) }
        }
        if s["containers"] == nil {
            s.ctx.warning(DiagnosticID.missingField, s.node, "\(s.path).containers", "pod spec has no containers")
        }
        return PodSpec(
            serviceAccountName: s["serviceAccountName"]?.string() ?? s["serviceAccount"]?.string(),
            automountServiceAccountToken: s["automountServiceAccountToken"]?.bool(),
            nodeName: s["nodeName"]?.string(),
            hostNetwork: s["hostNetwork"]?.bool() ?? false,
            hostPID: s["hostPID"]?.bool() ?? false,
            hostIPC: s["hostIPC"]?.bool() ?? false,
            containers: containers,
            volumes: (s["volumes"]?.list() ?? []).map(volume),
            securityContext: securityContext(s["securityContext"]),
            imagePullSecretNames: (s["imagePullSecrets"]?.list() ?? []).compactMap { $0["name"]?.string() })
    }

    func pod(_ root: Field) -> Pod? {
        guard let meta = meta(root, kind: .pod) else { return nil }
        var ips: [String] = []
        let status = root["status"]
        if let ip = status?["podIP"]?.string(), !ip.isEmpty { ips.append(ip) }
        for entry in status?["podIPs"]?.list() ?? [] {
            if let ip = entry["ip"]?.string(), !ip.isEmpty, !ips.contains(ip) { ips.append(ip) }
        }
        let owners = (root["metadata"]?["ownerReferences"]?.list() ?? []).compactMap { o -> ObjectRefName? in
            guard let k = o["kind"]?.string(), let n = o["name"]?.string() else { return nil }
            return ObjectRefName(kind: k, name: n)
        }
        return Pod(meta: meta, spec: podSpec(root["spec"]), podIPs: ips, phase: status?["phase"]?.string(), owners: owners)
    }

    /// Decodes any pod-template workload; CronJob's template sits under `spec.jobTemplate.spec`.
    func workload(_ root: Field, kind: ObjectKind) -> Workload? {
        guard let meta = meta(root, kind: kind) else { return nil }
        let spec = root["spec"]
        let podOwnerSpec = kind == .cronJob ? spec?["jobTemplate"]?["spec"] : spec
        let template = podOwnerSpec?["template"]
        if template == nil {
            root.ctx.warning(DiagnosticID.missingField, spec?.node ?? root.node, kind == .cronJob
                             ? "spec.jobTemplate.spec.template" : "spec.template", "workload has no pod template")
        }
        var selector: LabelSelector? = nil
        if let s = podOwnerSpec?["selector"] {
            // ReplicationController's selector is a plain map.
            selector = kind == .replicationController ? LabelSelector(matchLabels: s.stringMap() ?? [:]) : self.selector(s)
        }
        let tmeta = template?["metadata"]
        return Workload(
            kind: kind, meta: meta, selector: selector, replicas: spec?["replicas"]?.int(),
            templateLabels: tmeta?["labels"]?.stringMap() ?? [:],
            templateAnnotations: tmeta?["annotations"]?.stringMap() ?? [:],
            template: podSpec(template?["spec"]))
    }
}
