#!/usr/bin/env python3
"""Writes Fixtures/audit/<ID>/{positive,negative}/ for every audit check.

Hand-written inputs (not copies of corpus files): a hardened baseline cluster document and
manifest set, and one small change per check. `positive` must trigger the check (or, for checks
that need data outside `az aks show`, be reported as not evaluated); `negative` must not.
Cluster documents alternate between the ARM REST shape and the flattened `az aks show -o json`
shape with az-style key spellings (enableRbac, authorizedIpRanges, nodeOsUpgradeChannel), so
both readers' paths are exercised. Run from the package root: python3 Fixtures/audit/generate_fixtures.py
"""
import copy, json, os, shutil

ROOT = os.path.dirname(os.path.abspath(__file__))

def good_cluster():
    return {
        "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/hardened",
        "name": "hardened", "type": "Microsoft.ContainerService/ManagedClusters", "location": "westeurope",
        "identity": {"type": "SystemAssigned", "principalId": "11111111-1111-1111-1111-111111111111"},
        "properties": {
            "kubernetesVersion": "1.33.2", "enableRBAC": True, "disableLocalAccounts": True,
            "aadProfile": {"managed": True, "enableAzureRBAC": True, "adminGroupObjectIDs": ["22222222-2222-2222-2222-222222222222"]},
            "apiServerAccessProfile": {"enablePrivateCluster": False, "authorizedIPRanges": ["203.0.113.0/24"]},
            "servicePrincipalProfile": {"clientId": "msi"},
            "networkProfile": {"networkPlugin": "azure", "networkPolicy": "cilium", "networkDataplane": "cilium"},
            "agentPoolProfiles": [
                {"name": "system", "mode": "System", "count": 3, "enableEncryptionAtHost": True, "enableNodePublicIP": False},
                {"name": "user", "mode": "User", "count": 3, "enableEncryptionAtHost": True, "enableNodePublicIP": False},
            ],
            "addonProfiles": {
                "omsagent": {"enabled": True, "config": {"logAnalyticsWorkspaceResourceID": "/subscriptions/x/workspaces/w"}},
                "azurepolicy": {"enabled": True},
                "azureKeyvaultSecretsProvider": {"enabled": True, "config": {"enableSecretRotation": "true", "rotationPollInterval": "2m"}},
                "httpApplicationRouting": {"enabled": False},
            },
            "securityProfile": {
                "defender": {"securityMonitoring": {"enabled": True}},
                "workloadIdentity": {"enabled": True},
                "azureKeyVaultKms": {"enabled": True, "keyId": "https://kv.vault.azure.net/keys/etcd/1", "keyVaultNetworkAccess": "Private"},
            },
            "oidcIssuerProfile": {"enabled": True, "issuerURL": "https://westeurope.oic.prod-aks.azure.com/t/i/"},
            "podIdentityProfile": {"enabled": False},
            "autoUpgradeProfile": {"upgradeChannel": "patch", "nodeOSUpgradeChannel": "NodeImage"},
        },
    }

AZ_SPELLINGS = {"enableRBAC": "enableRbac", "authorizedIPRanges": "authorizedIpRanges",
                "nodeOSUpgradeChannel": "nodeOsUpgradeChannel", "enableAzureRBAC": "enableAzureRbac",
                "omsagent": "omsAgent", "adminGroupObjectIDs": "adminGroupObjectIds"}

def respell(value):
    if isinstance(value, dict):
        return {AZ_SPELLINGS.get(k, k): respell(v) for k, v in value.items()}
    if isinstance(value, list):
        return [respell(v) for v in value]
    return value

def flattened(doc):
    """The `az aks show -o json` shape: properties merged into the top level, az key spellings."""
    out = {k: v for k, v in doc.items() if k != "properties"}
    out.update(doc.get("properties", {}))
    return respell(out)

def cluster_case(change, shape):
    doc = good_cluster()
    change(doc["properties"], doc)
    return flattened(doc) if shape == "flat" else doc

# --- manifests -------------------------------------------------------------------------------

def namespace(name="shop", labels=None):
    labels = {"pod-security.kubernetes.io/enforce": "restricted"} if labels is None else labels
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}

def default_deny(ns="shop"):
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "default-deny", "namespace": ns},
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}

def allow_web(ns="shop"):
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": {"name": "allow-web", "namespace": ns},
            "spec": {"podSelector": {"matchLabels": {"app": "web"}}, "policyTypes": ["Ingress"],
                     "ingress": [{"ports": [{"port": 8080}]}]}}

def quota(ns="shop"):
    return {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "quota", "namespace": ns},
            "spec": {"hard": {"requests.cpu": "4", "requests.memory": "8Gi", "pods": "20"}}}

def limits(ns="shop"):
    return {"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "limits", "namespace": ns},
            "spec": {"limits": [{"type": "Container", "default": {"cpu": "500m", "memory": "256Mi"}}]}}

def container(name="web", image="contoso.azurecr.io/shop/web:1.4.2"):
    return {"name": name, "image": image, "ports": [{"containerPort": 8080}],
            "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"}},
            "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                "capabilities": {"drop": ["ALL"]}}}

def deployment(ns="shop", name="web"):
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "namespace": ns},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"serviceAccountName": name, "automountServiceAccountToken": False,
                                           "securityContext": {"runAsNonRoot": True, "runAsUser": 10001,
                                                               "seccompProfile": {"type": "RuntimeDefault"}},
                                           "containers": [container(name)]}}}}

def good_manifests():
    return [namespace(), default_deny(), allow_web(), quota(), limits(), deployment()]

def pod_spec(docs):
    return next(d for d in docs if d["kind"] == "Deployment")["spec"]["template"]["spec"]

def manifest_case(change):
    docs = good_manifests()
    result = change(docs)
    return result if result is not None else docs

def drop_kind(kind):
    return lambda docs: [d for d in docs if d["kind"] != kind]

def csc(key, value):
    def change(docs):
        pod_spec(docs)["containers"][0]["securityContext"][key] = value
    return change

def pod_field(key, value):
    def change(docs):
        pod_spec(docs)[key] = value
    return change

# --- the cases ---------------------------------------------------------------------------------

def setp(path, value):
    """A cluster change setting properties.<path> (dotted)."""
    def change(props, doc):
        node = props
        keys = path.split(".")
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node[keys[-1]] = value
    return change

def delp(path):
    def change(props, doc):
        node = props
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[k]
        node.pop(keys[-1], None)
    return change

def both(*changes):
    def change(props, doc):
        for c in changes:
            c(props, doc)
    return change

def no_identity(props, doc):
    doc.pop("identity", None)
    props["servicePrincipalProfile"] = {"clientId": "00000000-aaaa-bbbb-cccc-000000000000"}

def identity_user_assigned(props, doc):
    doc["identity"] = {"type": "UserAssigned", "userAssignedIdentities": {"/subscriptions/x/uami": {}}}

def pool_without_eah(props, doc):
    props["agentPoolProfiles"][1]["enableEncryptionAtHost"] = False

def pool_public_ip(props, doc):
    props["agentPoolProfiles"][0]["enableNodePublicIP"] = True

def noop(props, doc):
    pass

CLUSTER_CASES = {
    "AKS-NET-001": (delp("networkProfile.networkPolicy"), setp("networkProfile.networkPolicy", "azure")),
    "AKS-NET-002": (setp("addonProfiles.httpApplicationRouting.enabled", True), delp("addonProfiles.httpApplicationRouting")),
    "AKS-NET-003": (noop, noop),
    "AKS-NET-004": (pool_public_ip, noop),
    "AKS-ADD-001": (setp("addonProfiles.KubeDashboard", {"enabled": True}), setp("addonProfiles.kubeDashboard", {"enabled": False})),
    "AKS-API-001": (delp("apiServerAccessProfile"),
                    setp("apiServerAccessProfile", {"enablePrivateCluster": True, "privateDNSZone": "system"})),
    "AKS-API-002": (setp("apiServerAccessProfile.authorizedIPRanges", ["203.0.113.0/24", "0.0.0.0/0"]),
                    setp("apiServerAccessProfile.authorizedIPRanges", ["198.51.100.7/32", "203.0.113.0/24"])),
    "AKS-IAM-001": (setp("enableRBAC", False), noop),
    "AKS-IAM-002": (delp("aadProfile"), noop),
    "AKS-IAM-003": (setp("disableLocalAccounts", False), noop),
    "AKS-IAM-004": (setp("aadProfile.enableAzureRBAC", False), noop),
    "AKS-IAM-005": (no_identity, identity_user_assigned),
    "AKS-IAM-006": (setp("oidcIssuerProfile.enabled", False), noop),
    "AKS-IAM-007": (setp("podIdentityProfile", {"enabled": True, "allowNetworkPluginKubenet": True}), delp("podIdentityProfile")),
    "AKS-SEC-001": (setp("addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation", "false"), noop),
    "AKS-SEC-002": (delp("securityProfile.azureKeyVaultKms"), noop),
    "AKS-SEC-003": (pool_without_eah, noop),
    "AKS-MON-001": (delp("addonProfiles.omsagent"),
                    both(delp("addonProfiles.omsagent"), setp("azureMonitorProfile.containerInsights.enabled", True))),
    "AKS-MON-002": (delp("securityProfile.defender"),
                    both(delp("securityProfile.defender"), setp("securityProfile.azureDefender.enabled", True))),
    "AKS-POL-001": (setp("addonProfiles.azurepolicy.enabled", False), noop),
    "AKS-UPG-001": (setp("autoUpgradeProfile.upgradeChannel", "none"), setp("autoUpgradeProfile.upgradeChannel", "stable")),
    "AKS-UPG-002": (setp("autoUpgradeProfile.nodeOSUpgradeChannel", "Unmanaged"),
                    setp("autoUpgradeProfile.nodeOSUpgradeChannel", "SecurityPatch")),
    "AKS-LOG-001": (noop, noop),
    "AKS-BCK-001": (noop, noop),
}

def in_default(docs):
    docs = [d for d in docs if d["kind"] != "Namespace"]
    for d in docs:
        d["metadata"].pop("namespace", None)
    return docs

def add_cap(cap):
    def change(docs):
        pod_spec(docs)["containers"][0]["securityContext"]["capabilities"]["add"] = [cap]
    return change

def host_path(docs):
    pod_spec(docs)["volumes"] = [{"name": "docker", "hostPath": {"path": "/var/run/docker.sock"}}]

def empty_dir(docs):
    pod_spec(docs)["volumes"] = [{"name": "tmp", "emptyDir": {}}]
    pod_spec(docs)["containers"][0]["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}]

def host_port(docs):
    pod_spec(docs)["containers"][0]["ports"][0]["hostPort"] = 8080

def run_as_root(docs):
    pod_spec(docs)["securityContext"].pop("runAsNonRoot")
    pod_spec(docs)["containers"][0]["securityContext"]["runAsUser"] = 0

def container_level_non_root(docs):
    pod_spec(docs)["securityContext"].pop("runAsNonRoot")
    pod_spec(docs)["containers"][0]["securityContext"]["runAsNonRoot"] = True

def image(ref):
    def change(docs):
        pod_spec(docs)["containers"][0]["image"] = ref
    return change

def secret_env(docs):
    pod_spec(docs)["containers"][0]["env"] = [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]

def secret_volume(docs):
    pod_spec(docs)["volumes"] = [{"name": "db", "secret": {"secretName": "db"}}]
    pod_spec(docs)["containers"][0]["volumeMounts"] = [{"name": "db", "mountPath": "/etc/db", "readOnly": True}]

def no_limits(docs):
    pod_spec(docs)["containers"][0]["resources"] = {"requests": {"cpu": "100m"}}

def unconfined(docs):
    pod_spec(docs)["securityContext"]["seccompProfile"] = {"type": "Unconfined"}

def container_seccomp(docs):
    pod_spec(docs)["securityContext"].pop("seccompProfile")
    pod_spec(docs)["containers"][0]["securityContext"]["seccompProfile"] = {"type": "Localhost", "localhostProfile": "web.json"}

def only_allow_policy(docs):
    return [d for d in docs if d.get("metadata", {}).get("name") != "default-deny"]

def implicit_ingress_deny(docs):
    docs = only_allow_policy(docs)
    docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                 "metadata": {"name": "deny-all", "namespace": "shop"}, "spec": {"podSelector": {}}})
    return docs

def psa(level):
    def change(docs):
        docs[0]["metadata"]["labels"] = {} if level is None else {"pod-security.kubernetes.io/enforce": level}
    return change

MANIFEST_CASES = {
    "K8S-NET-001": (drop_kind("NetworkPolicy"), None),
    "K8S-NET-002": (only_allow_policy, implicit_ingress_deny),
    "K8S-NS-001": (psa("privileged"), psa("baseline")),
    "K8S-NS-002": (drop_kind("ResourceQuota"), None),
    "K8S-NS-003": (drop_kind("LimitRange"), None),
    "K8S-NS-004": (in_default, None),
    "POD-SEC-001": (csc("privileged", True), csc("privileged", False)),
    "POD-SEC-002": (pod_field("hostNetwork", True), pod_field("hostPID", False)),
    "POD-SEC-003": (host_path, empty_dir),
    "POD-SEC-004": (host_port, None),
    "POD-SEC-005": (run_as_root, container_level_non_root),
    "POD-SEC-006": (csc("allowPrivilegeEscalation", True), None),
    "POD-SEC-007": (add_cap("SYS_ADMIN"), add_cap("NET_BIND_SERVICE")),
    "POD-SEC-008": (csc("capabilities", {"drop": ["NET_RAW"]}), None),
    "POD-SEC-009": (csc("readOnlyRootFilesystem", False), None),
    "POD-SEC-010": (unconfined, container_seccomp),
    "POD-SEC-011": (secret_env, secret_volume),
    "POD-IMG-001": (image("docker.io/library/nginx:1.27.1"), image("mcr.microsoft.com/azurelinux/base/nginx:1.25")),
    "POD-IMG-002": (image("contoso.azurecr.io/shop/web:latest"),
                    image("contoso.azurecr.io/shop/web@sha256:" + "ab" * 32)),
    "POD-RES-001": (no_limits, None),
}

def write_yaml(path, docs):
    import yaml
    with open(path, "w") as f:
        f.write("# Generated by Fixtures/audit/generate_fixtures.py\n")
        f.write(yaml.safe_dump_all(docs, sort_keys=False, explicit_start=True))

def main():
    for i, (check, (pos, neg)) in enumerate(sorted(CLUSTER_CASES.items())):
        for variant, change, shape in (("positive", pos, "arm" if i % 2 == 0 else "flat"),
                                       ("negative", neg, "flat" if i % 2 == 0 else "arm")):
            folder = os.path.join(ROOT, check, variant)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            with open(os.path.join(folder, "cluster.json"), "w") as f:
                json.dump(cluster_case(change, shape), f, indent=2)
                f.write("\n")
    for check, (pos, neg) in sorted(MANIFEST_CASES.items()):
        for variant, change in (("positive", pos), ("negative", neg or (lambda docs: None))):
            folder = os.path.join(ROOT, check, variant)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            write_yaml(os.path.join(folder, "manifests.yaml"), manifest_case(change))

if __name__ == "__main__":
    main()
