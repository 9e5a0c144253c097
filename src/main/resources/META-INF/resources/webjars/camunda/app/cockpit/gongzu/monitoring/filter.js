/*
 * The filters of the monitoring view, shared by the tab (which sets them) and the diagram's
 * overlays (which follow them), per process definition page.
 */

export const WINDOWS = [7, 30, 90, 365];
const DEFAULT = {days: 30, version: '', district: '', subDistrict: '', department: ''};

let definitionId = null;
let current = Object.assign({}, DEFAULT);
/** The district a district supervisor is kept to, learnt from the server's first answer. */
let scopedDistrict = null;
const listeners = new Set();

/** The filter of the definition's page; a fresh one when the user opened another definition. */
export function filterOf(id) {
  if (id !== definitionId) {
    definitionId = id;
    current = Object.assign({}, DEFAULT, scopedDistrict ? {district: scopedDistrict} : {});
  }
  return Object.assign({}, current);
}

/** Changes some filters and tells everyone who follows them. */
export function change(id, changes) {
  filterOf(id);
  current = Object.assign({}, current, changes);
  listeners.forEach(listener => listener(Object.assign({}, current)));
}

/** Calls the listener on every change until the returned function is called. */
export function follow(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Remembers the district the server kept the answer to (a district supervisor asked without one)
 * so that the filters show it chosen.
 */
export function learnScope(answeredDistrict, askedDistrict) {
  if (answeredDistrict && !askedDistrict) {
    scopedDistrict = answeredDistrict;
    current.district = answeredDistrict;
  }
  return scopedDistrict;
}

export function scope() {
  return scopedDistrict;
}

/** Another user logged in: the next answer tells their scope. */
export function forgetScope() {
  scopedDistrict = null;
  definitionId = null;
}
