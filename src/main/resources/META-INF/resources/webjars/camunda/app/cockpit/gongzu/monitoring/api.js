/*
 * The monitoring figures and what the view needs beside them, read with the webapp's session
 * (GET only: the view changes nothing, so no CSRF token is needed).
 */

const APP_ROOT = document.querySelector('base').getAttribute('app-root');
const GONGZU = APP_ROOT + '/api/gongzu/';
const MONITORING = GONGZU + 'monitoring/';

/** A refusal or failure, carrying the server's Chinese sentence when it gave one. */
export class LoadError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let message = null;
    try {
      message = (await response.json()).message;
    } catch (ignored) {
      // no JSON body: the status says enough
    }
    throw new LoadError(response.status, message || '加载失败（HTTP ' + response.status + '）');
  }
  return response.json();
}

/** The query string of a filter: only the filters that are set. */
function query(params) {
  const search = new URLSearchParams();
  Object.keys(params)
    .filter(name => params[name] !== '' && params[name] !== null && params[name] !== undefined)
    .forEach(name => search.set(name, params[name]));
  return search.toString();
}

function url(path, params) {
  return MONITORING + path + '?' + query(params);
}

/** The URLs of every view for a process and filter, JSON and CSV alike (format=csv). */
export function urls(key, filter) {
  return {
    steps: url('processes/' + encodeURIComponent(key), filter),
    trend: url('processes/' + encodeURIComponent(key) + '/trend', filter),
    backlog: url('backlog', Object.assign({processKey: key}, filter)),
    cases: drill => url('cases', Object.assign({processKey: key}, filter, drill))
  };
}

export function csv(jsonUrl) {
  return jsonUrl + '&format=csv';
}

export const load = getJson;

/** The household or project case behind a figure, as the case view shows it. */
export function caseUrl(caseId) {
  return GONGZU + 'cases/' + encodeURIComponent(caseId);
}

const definitions = {};

/** A process definition's key, version and name, asked once per page. */
export function definition(engineApi, definitionId) {
  if (!definitions[definitionId]) {
    definitions[definitionId] = getJson(engineApi + '/process-definition/' + encodeURIComponent(definitionId));
  }
  return definitions[definitionId];
}

/** The running instances of the case's process, to link the case to Cockpit's instance page. */
export function instancesOfCase(engineApi, caseId, key) {
  return getJson(engineApi + '/process-instance?' + query({businessKey: caseId, processDefinitionKey: key,
    maxResults: 5}));
}

let places = null;

/**
 * The districts, sub-districts and departments the filters offer. They are read from the group
 * names (every department of every place is a group named 「<place> <department>」, e.g.
 * rc-110108015 「海淀区学院路街道 居委会」), so the filters know every place, not only those with work.
 */
export function placesAndDepartments() {
  if (!places) {
    places = getJson(GONGZU + 'group-names').then(names => {
      const result = {districts: {}, subDistricts: {}, departments: {}};
      Object.keys(names).forEach(groupId => {
        const match = /^([a-z]+)-(\d{6}|\d{9})$/.exec(groupId);
        const space = names[groupId].lastIndexOf(' ');
        if (!match || match[1] === 'supervisor' || space < 0) {
          return;
        }
        const placeName = names[groupId].substring(0, space);
        result.departments[match[1]] = names[groupId].substring(space + 1);
        (match[2].length === 6 ? result.districts : result.subDistricts)[match[2]] = placeName;
      });
      return result;
    });
  }
  return places;
}
