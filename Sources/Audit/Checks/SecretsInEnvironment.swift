import ReachModel

/// POD-SEC-011: secrets are not passed as environment variables.
struct SecretsInEnvironment: PodCheck {
    let info = CheckInfo(
        id: "POD-SEC-011", severity: .low, input: .manifests,
        title: "Secret exposed as environment variables",
        rationale: "Environment variables end up in crash dumps, `kubectl describe`, child processes and logs; mounted files (or the Key Vault CSI driver) can be rotated and are harder to leak.",
        remediation: "Mount the Secret as a volume (or use the Key Vault secrets provider) instead of `env.valueFrom.secretKeyRef` / `envFrom.secretRef`.",
        recommendation: "Secrets as env vars")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let refs = pod.spec.containers.flatMap { c in
            Array(Set(c.envSecretNames + c.envFromSecretNames)).sorted().map { "\(c.name)←\($0)" }
        }
        return refs.isEmpty ? nil : "secrets in env: \(refs.listText)"
    }
}
