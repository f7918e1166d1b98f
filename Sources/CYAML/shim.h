#ifndef KUBE_REACH_CYAML_SHIM_H
#define KUBE_REACH_CYAML_SHIM_H
#include <yaml.h>
#endif
