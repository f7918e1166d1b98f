import AttackGraph
import ReachModel
import Testing

/// F2's condition (footholds.md), case by case. The paths and capabilities are footholds.md's
/// list, which follows KubeHound's CE_* / EXPLOIT_HOST_* attacks and the Pod Security Standards'
/// baseline controls ("Privileged Containers", "Capabilities", "Host Namespaces", "HostPath Volumes").
@Suite struct PodEscapeTests {
    static func spec(caps: [String] = [], privileged: Bool? = nil, hostPID: Bool = false, hostPath: String? = nil) -> PodSpec {
        PodSpec(hostPID: hostPID,
                containers: [Container(name: "c", securityContext: SecurityContext(privileged: privileged, capabilitiesAdd: caps))],
                volumes: hostPath.map { [Volume(name: "h", sources: [.hostPath(path: $0)])] } ?? [])
    }

    @Test func privilegedAndCapabilities() {
        #expect(PodEscape.reason(Self.spec(privileged: true)) == "container c is privileged")
        #expect(PodEscape.reason(Self.spec(privileged: false)) == nil)
        #expect(PodEscape.reason(Self.spec(caps: ["SYS_ADMIN"])) != nil)
        #expect(PodEscape.reason(Self.spec(caps: ["CAP_SYS_MODULE"])) != nil)
        #expect(PodEscape.reason(Self.spec(caps: ["all"])) != nil)
        #expect(PodEscape.reason(Self.spec(caps: ["NET_ADMIN", "SYS_PTRACE"])) == nil, "SYS_PTRACE needs hostPID")
        #expect(PodEscape.reason(Self.spec(caps: ["SYS_PTRACE"], hostPID: true)) == "hostPID and container c adds SYS_PTRACE")
        #expect(PodEscape.reason(Self.spec(hostPID: true)) == nil, "hostPID alone")
    }

    @Test(arguments: ["/", "/etc", "/etc/", "/root", "/var", "/var/lib/kubelet", "/var/log", "/proc", "/sys", "/run",
                      "/var/run", "/var/lib", "/var/run/docker.sock", "/run/containerd/containerd.sock", "/run/containerd",
                      "/var/run/crio/crio.sock", "//var//log", "/run/k3s/containerd/containerd.sock"])
    func sensitiveHostPaths(path: String) {
        #expect(PodEscape.isSensitive(path), "\(path)")
        #expect(PodEscape.reason(Self.spec(hostPath: path)) != nil)
    }

    @Test(arguments: ["/data", "/var/lib/app-data", "/etc/ssl/certs", "/var/log/pods", "/opt/docker.sock", "/tmp", "relative/var",
                      "/var/lib/kubelet/pods", "/home"])
    func otherHostPaths(path: String) {
        #expect(!PodEscape.isSensitive(path), "\(path)")
    }
}
