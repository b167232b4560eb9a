(function () {
  var navDiv = document.getElementById('site-nav');
  var section = navDiv ? navDiv.getAttribute('data-section') : null;
  var sectionLabel = section ? '<span class="nav-section-label"></span>' : '';

  var defaultLinks =
    '    <a href="/#sportarten">Sportarten</a>\n' +
    '    <a href="/#vorstand">Vorstand</a>\n' +
    '    <a href="/#kontakt">Kontakt</a>\n' +
    '    <a href="/satzung/">Satzung</a>\n' +
    '    <a href="/impressum/">Impressum</a>\n';

  var customLinksAttr = navDiv ? navDiv.getAttribute('data-links') : null;
  var linkHtml = defaultLinks;
  if (customLinksAttr) {
    try {
      var customLinks = JSON.parse(customLinksAttr);
      linkHtml = customLinks.map(function (l) {
        var attrs = l.external ? ' target="_blank" rel="noopener"' : '';
        return '    <a href="' + l.href + '"' + attrs + '>' + l.label + '</a>\n';
      }).join('');
    } catch (e) {}
  }

  var nav = '\n<nav class="site-nav">\n' +
    '  <div class="logo">\n' +
    '    <a href="/"><img src="/assets/logo.png" alt="ESV Aachen Logo"></a>\n' +
    '  </div>\n' +
    sectionLabel + '\n' +
    '  <button class="nav-burger" aria-label="Menü öffnen" aria-expanded="false">\n' +
    '    <span></span><span></span><span></span>\n' +
    '  </button>\n' +
    '  <div class="nav-links">\n' +
    linkHtml +
    '  </div>\n' +
    '</nav>';

  var footer = '\n<footer class="site-footer">\n' +
    '  <div class="logo">\n' +
    '    <a href="/"><img src="/assets/logo.png" alt="ESV Aachen Logo"></a>\n' +
    '  </div>\n' +
    '  <div class="footer-links">\n' +
    '    <a href="/satzung/">Satzung</a>\n' +
    '    <a href="/impressum/">Impressum</a>\n' +
    '    <a href="/datenschutz/">Datenschutz</a>\n' +
    '  </div>\n' +
    '  <div class="footer-copy">&copy; 2026 ESV Aachen 1922 e.V.</div>\n' +
    '</footer>';

  if (navDiv) { navDiv.innerHTML = nav; }
  if (section) {
    document.querySelector('.nav-section-label').textContent = section;
  }

  var footerDiv = document.getElementById('site-footer');
  if (footerDiv) { footerDiv.innerHTML = footer; }

  var burger = document.querySelector('.nav-burger');
  var links = document.querySelector('.nav-links');

  burger.addEventListener('click', function () {
    var open = links.classList.toggle('open');
    burger.classList.toggle('open', open);
    burger.setAttribute('aria-expanded', open);
  });

  links.querySelectorAll('a').forEach(function (a) {
    a.addEventListener('click', function () {
      links.classList.remove('open');
      burger.classList.remove('open');
      burger.setAttribute('aria-expanded', 'false');
    });
  });
})();
