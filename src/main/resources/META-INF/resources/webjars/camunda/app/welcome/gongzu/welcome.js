/*
 * Gongzu's additions to Welcome (docs/adr/0009), loaded through config.js customScripts before
 * Welcome starts: the product's name in the page title.
 */
document.querySelector('head title').textContent = '公租 首页';

export default [];
