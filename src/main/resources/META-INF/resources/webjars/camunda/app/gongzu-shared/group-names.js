/*
 * Shared by Gongzu's Cockpit and Admin scripts (docs/adr/0009): shows a group's Chinese name
 * 「…」 beside its id in the cells the app lists groups in, keeping the id as it is.
 */

function ownText(cell) {
  return Array.from(cell.childNodes)
    .filter(node => !(node.classList && node.classList.contains('gz-group-name')))
    .map(node => node.textContent)
    .join('')
    .trim();
}

/** Adds (or corrects, or removes) the name label of every cell matching one of the selectors. */
export function decorateGroups(selectors, groupNames) {
  if (!groupNames) {
    return;
  }
  document.querySelectorAll(selectors.join(',')).forEach(cell => {
    const id = ownText(cell);
    const name = groupNames[id];
    let label = cell.querySelector(':scope > .gz-group-name');
    if (!name) {
      if (label) {
        label.remove();
      }
      return;
    }
    if (label && label.dataset.groupId === id) {
      return;
    }
    if (!label) {
      label = document.createElement('span');
      label.className = 'gz-group-name';
      cell.appendChild(label);
    }
    label.dataset.groupId = id;
    label.textContent = '「' + name + '」';
  });
}

/**
 * Calls {@code render} once per animation frame after the page changed (Angular redraws views
 * whenever it likes, so decorations are applied again after each change).
 */
export function onPageChange(render) {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        render();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
