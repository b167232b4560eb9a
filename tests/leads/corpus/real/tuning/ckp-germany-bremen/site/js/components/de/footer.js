// DE Footer Component — GitHub Pages compatible (BASE: /)
(function() {
    const footerHTML = `
        <style>
            .footer { background: linear-gradient(135deg, #1a1a2e 0%, #16213e 100%); color: #fff; padding: 4rem 2rem 2rem; position: relative; overflow: hidden; }
            .footer::before { content: ''; position: absolute; top: 0; left: 0; right: 0; height: 4px; background: linear-gradient(90deg, #ff6b35 0%, #ff8c42 50%, #ff6b35 100%); background-size: 200% 100%; animation: gradientMove 3s ease infinite; }
            @keyframes gradientMove { 0%, 100% { background-position: 0% 50%; } 50% { background-position: 100% 50%; } }
            .footer-container { max-width: 1400px; margin: 0 auto; }
            .footer-content { display: grid; grid-template-columns: 2fr 1fr 1fr 1fr; gap: 3rem; margin-bottom: 3rem; }
            .footer-section h3 { font-size: 1.2rem; margin-bottom: 1.5rem; color: #ff6b35; font-weight: 600; }
            .footer-about { max-width: 400px; }
            .footer-logo { display: flex; align-items: center; margin-bottom: 1.5rem; }
            .footer-logo-image { width: 150px; height: auto; object-fit: contain; filter: brightness(0) invert(1); opacity: 0.9; }
            .footer-about p { color: #b0b0b0; line-height: 1.7; margin-bottom: 1.5rem; }
            .footer-links { list-style: none; padding: 0; margin: 0; }
            .footer-links li { margin-bottom: 0.75rem; }
            .footer-links a { color: #b0b0b0; text-decoration: none; transition: all 0.3s ease; display: inline-block; cursor: pointer; }
            .footer-links a:hover { color: #ff6b35; transform: translateX(5px); }
            .footer-contact-item { display: flex; align-items: start; gap: 1rem; margin-bottom: 1rem; color: #b0b0b0; }
            .footer-contact-item svg { width: 20px; height: 20px; color: #ff6b35; flex-shrink: 0; margin-top: 2px; }
            .social-links { display: flex; gap: 1rem; margin-top: 1.5rem; }
            .social-link { width: 40px; height: 40px; border-radius: 50%; background: rgba(255,255,255,0.1); display: flex; align-items: center; justify-content: center; color: #fff; text-decoration: none; transition: all 0.3s ease; }
            .social-link:hover { background: linear-gradient(135deg, #ff6b35 0%, #ff8c42 100%); transform: translateY(-3px); }
            .social-link svg { width: 20px; height: 20px; }
            .footer-bottom { border-top: 1px solid rgba(255,255,255,0.1); padding-top: 2rem; text-align: center; color: #808080; font-size: 0.9rem; }
            .footer-bottom-links { display: flex; justify-content: center; gap: 2rem; margin-bottom: 1rem; flex-wrap: wrap; }
            .footer-bottom-links a { color: #808080; text-decoration: none; transition: color 0.3s ease; }
            .footer-bottom-links a:hover { color: #ff6b35; }
            @media (max-width: 1024px) { .footer-content { grid-template-columns: 1fr 1fr; gap: 2.5rem; } }
            @media (max-width: 768px) { .footer { padding: 3rem 1.5rem 1.5rem; } .footer-content { grid-template-columns: 1fr; gap: 2rem; } .footer-about { max-width: 100%; } .footer-bottom-links { flex-direction: column; gap: 1rem; } }
        </style>

        <footer class="footer">
            <div class="footer-container">
                <div class="footer-content">
                    <div class="footer-section footer-about">
                        <div class="footer-logo">
                            <img src="" id="footer-logo-img" alt="CKP Germany Logo" class="footer-logo-image">
                        </div>
                        <p>Ihr zuverlässiger Partner für hochwertige Sicherheits- und Schutzausrüstung. Professionelle Lösungen für Einsatzkräfte.</p>
                        <div class="social-links">
                            <a href="#" class="social-link" aria-label="Facebook"><svg xmlns="http://www.w3.org/2000/svg" fill="currentColor" viewBox="0 0 24 24"><path d="M24 12.073c0-6.627-5.373-12-12-12s-12 5.373-12 12c0 5.99 4.388 10.954 10.125 11.854v-8.385H7.078v-3.47h3.047V9.43c0-3.007 1.792-4.669 4.533-4.669 1.312 0 2.686.235 2.686.235v2.953H15.83c-1.491 0-1.956.925-1.956 1.874v2.25h3.328l-.532 3.47h-2.796v8.385C19.612 23.027 24 18.062 24 12.073z"/></svg></a>
                            <a href="#" class="social-link" aria-label="LinkedIn"><svg xmlns="http://www.w3.org/2000/svg" fill="currentColor" viewBox="0 0 24 24"><path d="M20.447 20.452h-3.554v-5.569c0-1.328-.027-3.037-1.852-3.037-1.853 0-2.136 1.445-2.136 2.939v5.667H9.351V9h3.414v1.561h.046c.477-.9 1.637-1.85 3.37-1.85 3.601 0 4.267 2.37 4.267 5.455v6.286zM5.337 7.433c-1.144 0-2.063-.926-2.063-2.065 0-1.138.92-2.063 2.063-2.063 1.14 0 2.064.925 2.064 2.063 0 1.139-.925 2.065-2.064 2.065zm1.782 13.019H3.555V9h3.564v11.452zM22.225 0H1.771C.792 0 0 .774 0 1.729v20.542C0 23.227.792 24 1.771 24h20.451C23.2 24 24 23.227 24 22.271V1.729C24 .774 23.2 0 22.222 0h.003z"/></svg></a>
                            <a href="#" class="social-link" aria-label="Instagram"><svg xmlns="http://www.w3.org/2000/svg" fill="currentColor" viewBox="0 0 24 24"><path d="M12 0C8.74 0 8.333.015 7.053.072 5.775.132 4.905.333 4.14.63c-.789.306-1.459.717-2.126 1.384S.935 3.35.63 4.14C.333 4.905.131 5.775.072 7.053.012 8.333 0 8.74 0 12s.015 3.667.072 4.947c.06 1.277.261 2.148.558 2.913.306.788.717 1.459 1.384 2.126.667.666 1.336 1.079 2.126 1.384.766.296 1.636.499 2.913.558C8.333 23.988 8.74 24 12 24s3.667-.015 4.947-.072c1.277-.06 2.148-.262 2.913-.558.788-.306 1.459-.718 2.126-1.384.666-.667 1.079-1.335 1.384-2.126.296-.765.499-1.636.558-2.913.06-1.28.072-1.687.072-4.947s-.015-3.667-.072-4.947c-.06-1.277-.262-2.149-.558-2.913-.306-.789-.718-1.459-1.384-2.126C21.319 1.347 20.651.935 19.86.63c-.765-.297-1.636-.499-2.913-.558C15.667.012 15.26 0 12 0zm0 2.16c3.203 0 3.585.016 4.85.071 1.17.055 1.805.249 2.227.415.562.217.96.477 1.382.896.419.42.679.819.896 1.381.164.422.36 1.057.413 2.227.057 1.266.07 1.646.07 4.85s-.015 3.585-.074 4.85c-.061 1.17-.256 1.805-.421 2.227-.224.562-.479.96-.899 1.382-.419.419-.824.679-1.38.896-.42.164-1.065.36-2.235.413-1.274.057-1.649.07-4.859.07-3.211 0-3.586-.015-4.859-.074-1.171-.061-1.816-.256-2.236-.421-.569-.224-.96-.479-1.379-.899-.421-.419-.69-.824-.9-1.38-.165-.42-.359-1.065-.42-2.235-.045-1.26-.061-1.649-.061-4.844 0-3.196.016-3.586.061-4.861.061-1.17.255-1.814.42-2.234.21-.57.479-.96.9-1.381.419-.419.81-.689 1.379-.898.42-.166 1.051-.361 2.221-.421 1.275-.045 1.65-.06 4.859-.06l.045.03zm0 3.678c-3.405 0-6.162 2.76-6.162 6.162 0 3.405 2.76 6.162 6.162 6.162 3.405 0 6.162-2.76 6.162-6.162 0-3.405-2.76-6.162-6.162-6.162zM12 16c-2.21 0-4-1.79-4-4s1.79-4 4-4 4 1.79 4 4-1.79 4-4 4zm7.846-10.405c0 .795-.646 1.44-1.44 1.44-.795 0-1.44-.646-1.44-1.44 0-.794.646-1.439 1.44-1.439.793-.001 1.44.645 1.44 1.439z"/></svg></a>
                        </div>
                    </div>

                    <div class="footer-section">
                        <h3>Quick Links</h3>
                        <ul class="footer-links">
                            <li><a id="fl-home">Home</a></li>
                            <li><a id="fl-about">Über uns</a></li>
                            <li><a id="fl-tactical">CKP Tactical</a></li>
                            <li><a id="fl-care">CKP Care</a></li>
                            <li><a id="fl-merch">CKP Merch</a></li>
                            <li><a id="fl-workwear">CKP Workwear</a></li>
                            <li><a id="fl-contact">Kontakt</a></li>
                        </ul>
                    </div>

                    <div class="footer-section">
                        <h3>Produkte</h3>
                        <ul class="footer-links">
                            <li><a href="#">Schutzausrüstung</a></li>
                            <li><a href="#">Taktische Kleidung</a></li>
                            <li><a href="#">Medizinische Ausrüstung</a></li>
                            <li><a href="#">Berufsbekleidung</a></li>
                            <li><a href="#">Merchandise</a></li>
                            <li><a href="#">Zubehör</a></li>
                        </ul>
                    </div>

                    <div class="footer-section">
                        <h3>Kontakt</h3>
                        <div class="footer-contact-item">
                            <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke="currentColor"><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="M17.657 16.657L13.414 20.9a1.998 1.998 0 01-2.827 0l-4.244-4.243a8 8 0 1111.314 0z"/><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="M15 11a3 3 0 11-6 0 3 3 0 016 0z"/></svg>
                            <div><p>CKP Germany GmbH<br>Kommodore-Johnsen-Boulevard 19<br>28217 Bremen, Deutschland</p></div>
                        </div>
                        <div class="footer-contact-item">
                            <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke="currentColor"><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="M3 8l7.89 5.26a2 2 0 002.22 0L21 8M5 19h14a2 2 0 002-2V7a2 2 0 00-2-2H5a2 2 0 00-2 2v10a2 2 0 002 2z"/></svg>
                            <div><a href="mailto:info@ckp-germany.de" style="color:#b0b0b0;">info@ckp-germany.de</a></div>
                        </div>
                        <div class="footer-contact-item">
                            <svg xmlns="http://www.w3.org/2000/svg" fill="none" viewBox="0 0 24 24" stroke="currentColor"><path stroke-linecap="round" stroke-linejoin="round" stroke-width="2" d="M3 5a2 2 0 012-2h3.28a1 1 0 01.948.684l1.498 4.493a1 1 0 01-.502 1.21l-2.257 1.13a11.042 11.042 0 005.516 5.516l1.13-2.257a1 1 0 011.21-.502l4.493 1.498a1 1 0 01.684.949V19a2 2 0 01-2 2h-1C9.716 21 3 14.284 3 6V5z"/></svg>
                            <div><a href="tel:+49 (0) 421 49 173 222" style="color:#b0b0b0;">+49 (0) 421 49 173 222</a></div>
                        </div>
                    </div>
                </div>

                <div class="footer-bottom">
                    <div class="footer-bottom-links">
                        <a id="fl-datenschutz">Datenschutz</a>
                        <a id="fl-impressum">Impressum</a>
                        <a id="fl-agb">AGB</a>
                        <a id="fl-cookie">Cookie-Einstellungen</a>
                    </div>
                    <p>&copy; ${new Date().getFullYear()} CKP Germany GmbH. Alle Rechte vorbehalten.</p>
                </div>
            </div>
        </footer>
    `;

    function insertFooter() {
        const container = document.getElementById('footer-container');
        if (!container) return;
        container.innerHTML = footerHTML;

        // ── BASE path — change to '/' if using a custom domain ─────────────
        const BASE = window.location.hostname === '127.0.0.1' || window.location.hostname === 'localhost' || window.location.protocol === 'file:' ? '/' : '/';

        document.getElementById('footer-logo-img').src = BASE + 'images/logos/logo.png';
        document.getElementById('fl-home').href         = BASE + 'de/index.html';
        document.getElementById('fl-about').href        = BASE + 'de/about.html';
        document.getElementById('fl-tactical').href     = BASE + 'de/shops/tactical/tactical.html';
        document.getElementById('fl-care').href         = BASE + 'de/shops/care/care.html';
        document.getElementById('fl-merch').href        = BASE + 'de/shops/merch/merch.html';
        document.getElementById('fl-workwear').href     = BASE + 'de/shops/workwear/workwear.html';
        document.getElementById('fl-contact').href      = BASE + 'de/contact.html';
        document.getElementById('fl-datenschutz').href  = BASE + 'de/datenschutz.html';
        document.getElementById('fl-impressum').href    = BASE + 'de/impressum.html';
        document.getElementById('fl-agb').href          = BASE + 'de/agb.html';
        document.getElementById('fl-cookie').href       = BASE + 'de/cookie-einstellungen.html';
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', insertFooter);
    } else {
        insertFooter();
    }
})();