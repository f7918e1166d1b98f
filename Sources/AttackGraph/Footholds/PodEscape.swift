import ReachModel

/// F2's condition on one pod spec (footholds.md): the first reason its containers can get root on
/// the node, or `nil`. Sources: the Pod Security Standards' baseline controls (privileged,
/// capabilities, hostPID, hostPath) and KubeHound's CE_PRIV_MOUNT, CE_NSENTER, CE_MODULE_LOAD,
/// CE_SYS_PTRACE, EXPLOIT_HOST_READ/WRITE/TRAVERSE, EXPLOIT_CONTAINERD_SOCK.
///
/// Choices (docs/attack-techniques.md): capability names are compared without a `CAP_` prefix and
/// case-insensitively (the container runtimes accept both spellings); `ALL` adds every capability,
/// so it counts as adding `SYS_ADMIN`. A pod-level `securityContext` has no `privileged` or
/// `capabilities` field, so only containers (regular, init and ephemeral) are read.
public enum PodEscape {
    /// Paths whose hostPath mount (or a mount of any parent) is an escape.
    public static let sensitivePaths = ["/", "/etc", "/root", "/var", "/var/lib/kubelet", "/var/log", "/proc", "/sys",
                                        "/run", "/var/run"]
    /// Container runtime sockets (under `/run` or `/var/run`).
    public static let runtimeSockets: Set<String> = ["docker.sock", "containerd.sock", "crio.sock"]

    /// The default socket locations of Docker, containerd and CRI-O: their parents (`/run/containerd`,
    /// `/var/run/crio`, …) count as "a parent of a runtime socket".
    public static let defaultSocketPaths = ["/run/containerd/containerd.sock", "/var/run/containerd/containerd.sock",
                                            "/run/docker.sock", "/var/run/docker.sock",
                                            "/run/crio/crio.sock", "/var/run/crio/crio.sock"]

    /// The reason `spec` can escape to its node, `nil` when F2's condition does not hold.
    /// - Complexity: O(containers × capabilities + volumes).
    public static func reason(_ spec: PodSpec) -> String? {
        for c in spec.containers where c.securityContext?.privileged == true {
            return "container \(c.name) is privileged"
        }
        if spec.hostPID {
            for c in spec.containers where adds(c, "SYS_PTRACE") || adds(c, "SYS_ADMIN") {
                return "hostPID and container \(c.name) adds \(adds(c, "SYS_PTRACE") ? "SYS_PTRACE" : "SYS_ADMIN")"
            }
        }
        for c in spec.containers {
            if adds(c, "SYS_ADMIN") { return "container \(c.name) adds SYS_ADMIN" }
            if adds(c, "SYS_MODULE") { return "container \(c.name) adds SYS_MODULE" }
        }
        for v in spec.volumes {
            for case .hostPath(let path) in v.sources where isSensitive(path) {
                return "hostPath volume \(v.name) mounts \(path)"
            }
        }
        return nil
    }

    /// Whether container `c` adds capability `cap` (`CAP_` prefix and case ignored; `ALL` adds all).
    static func adds(_ c: Container, _ cap: String) -> Bool {
        (c.securityContext?.capabilitiesAdd ?? []).contains { raw in
            var name = raw.uppercased()
            if name.hasPrefix("CAP_") { name.removeFirst(4) }
            return name == cap || name == "ALL"
        }
    }

    /// Whether a hostPath `path` is one of ``sensitivePaths``, a runtime socket under `/run` or
    /// `/var/run`, or a parent of either. Repeated and trailing slashes are ignored.
    /// - Complexity: O(path length × sensitive paths).
    public static func isSensitive(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let norm = "/" + parts.joined(separator: "/")
        guard path.hasPrefix("/") else { return false }
        if let last = parts.last, runtimeSockets.contains(last), norm.hasPrefix("/run/") || norm.hasPrefix("/var/run/") {
            return true
        }
        // A listed path or default socket, or a parent of one.
        let prefix = norm == "/" ? "/" : norm + "/"
        return (sensitivePaths + defaultSocketPaths).contains { $0 == norm || $0.hasPrefix(prefix) }
    }
}
