/// F2 — container escape.
///
/// Condition: a container of `P` is `privileged`; or `P` has `hostPID` and a container is
/// privileged or adds `SYS_PTRACE` or `SYS_ADMIN`; or a container adds `SYS_ADMIN` or
/// `SYS_MODULE`; or `P` mounts a `hostPath` of `/`, `/etc`, `/root`, `/var`, `/var/lib/kubelet`,
/// `/var/log`, `/proc`, `/sys`, `/run`, `/var/run`, or a container runtime socket (`docker.sock`,
/// `containerd.sock`, `crio.sock`, under `/run` or `/var/run`), or any parent of those paths.
/// Target: `Node:n` for `P`'s `spec.nodeName`, else `Node:*`.
///
/// The condition is ``PodEscape/reason(_:)``.
public enum F2: FootholdTechnique {
    public static let id = TechniqueID("F2")
    public static let title = "container escape"
    public static let condition = """
        a container of `P` is `privileged`; or `P` has `hostPID` and a container is privileged or adds `SYS_PTRACE` or \
        `SYS_ADMIN`; or a container adds `SYS_ADMIN` or `SYS_MODULE` (`CAP_` prefix and case ignored, `ALL` counts); or \
        `P` mounts a `hostPath` of `/`, `/etc`, `/root`, `/var`, `/var/lib/kubelet`, `/var/log`, `/proc`, `/sys`, `/run`, \
        `/var/run`, or a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`, under `/run` or \
        `/var/run`), or any parent of those paths
        """
    public static let targets = "`Node:n` for `P`'s `spec.nodeName`, else `Node:*`"
    public static let isAssumption = false
}
