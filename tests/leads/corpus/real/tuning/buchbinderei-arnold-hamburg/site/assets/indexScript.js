const data = {
  "bucheinbaende": [
      {
      name: "bucheinbaende-1",
      urls: [
        "../imgs/bucheinbaende/Flemming_Satt gelebt_2 .jpg",
        "../imgs/bucheinbaende/Flemming_Satt gelebt_1.jpg"],
      title: ["Paul Fleming: Ich habe satt gelebt - Gedichte"],
      subtitle: ["herausgegeben von THOMAS&nbsp;ROSENLÖCHER&emsp;Insel Verlag Frankfurt am Main und Leipzig, 2009"],
      description: ["Edelpappband, Bezugspapier und Vorsätze gespachtelt und in einem Stück verarbeitet, Kopf-Naturschnitt, dunkelrotes Lederkapital, graublauer Kartonschuber. Format: 12,5 cm x 18,5 cm; 2013, Privatbesitz"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-2", 
      urls: ["../imgs/bucheinbaende/Rilke_Wie soll ich_1.jpg"],
      title: ["Rainer Maria Rilke: Wie soll ich meine Seele halten - Liebesgedichte"],
      subtitle: ["Sonderausgabe 2012&emsp;Insel Verlag Frankfurt am Main und Leipzig, 1994"],
      description: ["Edelpappband, Bezugspapier handgewalzt von ANNETTE&nbsp;VOGEL, 2011, Kapitalverstärkung aus schwarzem Oasenziegenleder an Kopf und Fuß, dunkelgrüne Vorsätze aus INGRES-Papier, 3-seitiger Naturschnitt, rotes Lederkapital, schwarzer Kartonschuber. Format: 12,3 cm x 18,4 cm; 2013, Privatbesitz"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-3", 
      urls: [
        "../imgs/bucheinbaende/Magische Nacht_3 Kopie.jpg",
        "../imgs/bucheinbaende/Magische Nacht_1 Kopie.jpg",
        "../imgs/bucheinbaende/Magische Nacht_2 Kopie.jpg"],
      title: ["Werner Bergengruen: Magische Nacht - Liebesgedichte"],
      subtitle: ["herausgegeben von CHARLOTTE&nbsp;BERGENGRUEN&emsp;Verlag der Arche in Zürich, 1978"],
      description: ["Leporello, Deckel aus handgeschöpftem Papier mit eingelegten Streifen, farbig gestaltet und handgewalzt von ANNETTE&nbsp;VOGEL, 2012, Heftung mit einem farbigen Zwirn, Goldprägung auf dem Vorderdeckel, Papercase aus dunkelblauem Karton. Format: 10,8 cm x 19,2 cm, 2013, Privatbesitz"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-4", 
      urls: [
        "../imgs/bucheinbaende/Faes_Paris_1.jpg",
        "../imgs/bucheinbaende/Faes_Paris_2.jpg"],
      title: ["Urs Faes: Paris. Eine Liebe"],
      subtitle: ["mit Zeichnungen von NANNE&nbsp;MEYER&emsp;Insel Verlag Berlin, 2012"],
      description: ["Edelpappband, Bezugspapier und Vorsätze gespachtelt und in einem Stück verarbeitet, 3-seitiger Naturschnitt, blaugraues Lederkapital, silberne Prägung, grauer Kartonschuber. Format: 12 cm x 18,5 cm; 2013"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-5", 
      urls: [
        "../imgs/bucheinbaende/Rilke_Briefe_1.jpg",
        "../imgs/bucheinbaende/Rilke_Briefe_2.jpg"],
      title: ["Rainer Maria Rilke: Briefe an Schweizer Freunde"],
      subtitle: ["herausgegeben von RÄTUS&nbsp;LUCK&emsp;Insel Verlag Frankfurt am Main und Leipzig, 1994"],
      description: ["Franzband aus orangefarbenem Oasenziegenleder, orangefarbene Prägung, dunkelgrüne Vorsätze und Spiegel aus Ingres-Papier, <span class='nonbreaking'>3-seitiger</span> Naturschnitt, handumstochenes, mehrfarbiges Kapital aus japanischer Seide, Schuber mit Lederschiene und dunkelgrünem Ingres-Papier bezogen. Format: 12 cm x 18,6 cm; 2010, Privatbesitz"],
      foto: ["Fotos: HENRIK&nbsp;POHL"]
      }, 
      {
      name: "bucheinbaende-6", 
      urls: ["../imgs/bucheinbaende/Schacht_Bell Island_Ansicht_bearbeitet-1.jpg"],
      title: ["Ulrich Schacht: Bell Island im Eismeer. Gedichte"],
      subtitle: ["Edition Rugerup, Berlin / Hörby Schweden, 2011"],
      description: ["Edelpappband, Bezug aus handgeschöpftem Papier mit während des Gautsch-Vorganges eingelegten Papierstreifen aus farbig bewalztem und gerissenem Japanpapier, Rücken aus gefärbtem Japanpapier, handumstochene, mehrfarbige Kapitale, überlagerte Rückentitelprägungen, Papercase. Format: 15,3 x 21,3 cm, 2019"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-7", 
      urls: ["../imgs/bucheinbaende/Anett Arnold_SIMONS_Rokoko_Ansicht klein.jpg"],
      title: ["Das Rosenband. Geschrieben von Anna Simons"],
      subtitle: ["Gedichte aus dem Rokoko&emsp;Drei Masken Verlag, München, 1921"],
      description: ["Halblederband, handgefertigte Bezugspapiere, 3-seitiger Farbschnitt, Kassette. Format: 13,5 x 18,5 cm; 2021"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-8", 
      urls: ["../imgs/bucheinbaende/Matisse.jpg"],
      title: ["Peter Kropmanns: Das Atelier im Grünen\nHenri Matisse - Die Jahre in Issy"],
      subtitle: ["Insel Verlag Berlin, 2010"],
      description: ["Dänischer Millimeterband, Rücken und Ecken aus dunkelgrünem Oasenziegenleder gefertigt, Deckel mit Buntpapier (GISELA&nbsp;RESCHKE, 2003) bezogen, Vorsätze aus weißem Büttenpapier, mit Häubchen und gelbem Lederkapitel gearbeitet, fester Schuber, bezogen mit dem Spachtelpapier von GISELA&nbsp;RESCHKE. Format: 12,5 cm x 18,6 cm; 2012"],
      foto: ["Foto: HENRIK&nbsp;POHL"]
      }, 
      {
      name: "bucheinbaende-9", 
      urls: [
        "../imgs/bucheinbaende/vyoral.jpg",
        "../imgs/bucheinbaende/vyoral_Ansicht.jpg"],
      title: ["Hannes Vyoral: weiß ist gedicht genug"],
      subtitle: ["mit Offsetlithographien von GÜNTHER&nbsp;WIELAND&emsp;Edition Thurnhof, Horn, 2013"],
      description: ["Experimenteller Einband\nSichtbare Heftung auf drei Pergamentbünde, angehängte Deckel aus handgeschöpftem Karton mit eingelegten Büttenpapierstreifen, farbig überspachtelt. Format: 17,1 x 22 cm, 2019, Privatbesitz"],
      foto: ["Fotos: BURKARD&nbsp;MEYENDRIESCH"]
      }, 
      {
      name: "bucheinbaende-10", 
      urls: ["../imgs/bucheinbaende/Shakespeare.jpg"],
      title: ["William Shakespeare: Einundzwanzig Sonette"],
      subtitle: ["Deutsch von PAUL&nbsp;CELAN, mit einem Essay von WOLFGANG&nbsp;KAUßEN&emsp;Insel Verlag Frankfurt am Main und Leipzig, 1967 und 2001"],
      description: ["Flexibler Pergamentband, Pergament gespachtelt, silberne Titelprägung auf den gesteckten Pergament-Riemen, Vorsätze aus blaugrünem <span class='nonbreaking'>F-Color-Papier</span>, handgestochenes, mehrfarbiges Kapital aus japanischer Seide, Papercase aus gespachteltem INGRES-Papier, kaschiert auf <span class='nonbreaking'>F-Color-Papier</span>. Format: 12,3 cm x 18,3 cm; 2012, Privatbesitz"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-11", 
      urls: ["../imgs/bucheinbaende/Whitman_Schiefer grün.jpg"],
      title: ["Walt Withman: Song of Myself"],
      subtitle: ["Utopia-Verlag Weimar, 1923"],
      description: ["Deckel aus Steinfurnier (Ecostone grün) gearbeitet, Schieferfurnier eingelassen in einen schmalen, lederbezogenen Rahmen, Naturkopfschnitt, handumstochenes, mehrfarbiges Seidenkapital, Prägungen auf dem Schiefer (Vorderdeckel) sowie auf dem Lederrücken, moltongefütterte Leinen-Kassette. Format 22,8 x 28,7 cm, 2017, Privatbesitz"],
      foto: ["Foto: RICARDA&nbsp;FALLENBACHER"]
      }, 
      {
      name: "bucheinbaende-12", 
      urls: ["../imgs/bucheinbaende/Rilke_Elegien_2017.jpg"],
      title: ["Rainer Maria Rilke: Duineser Elegien"],
      subtitle: ["Verlag Amandus-Edition, Ehrlich & Schmidt, Wien, 1948"],
      description: ["Pappband, farbig gewalzte Büttenpapiere als Einband- und Vorsatzpapier, 3-seitiger, polierter Naturschnitt, handumstochenes, mehrfarbiges Kapital, perlmuttfarbene Prägungen. Kassette. Format: 17,3 cm x 23,8 cm, 2017, Privatbesitz"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-13", 
      urls: ["../imgs/bucheinbaende/Arnold_Paul_Luftschiffer.jpg"],
      title: ["Jean Paul: Des Luftschiffers Giannozzo Seebuch"],
      subtitle: ["Wallstein Verlag und Büchergilde Gutenberg, 2013"],
      description: ["Pappband mit angesetzten Deckeln, Rücken aus weißem Perlmuttpapier, mit Naturfarben handgefertigte Knitterpapiere für die Deckelbezüge, Vorsätze und das in den Buchblock eingeschossene Doppelblatt beprägt mit dem „nördlichen und südlichen“ Sternenhimmel, Titelprägung in Mattsilber auf dem Rücken. Decke der Kassette mit dem Knitterpapier bezogen, innen wurde das weiße Perlmuttpapier verwendet. Format:18,3 x 27,2 cm, 2015 / 2018, Ankauf der Stadtbibliothek Nürnberg"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-14", 
      urls: [
        "../imgs/bucheinbaende/Rilke_Kleine Kostbarkeiten_2.jpg",
        "../imgs/bucheinbaende/Rilke_Kleine Kostbarkeiten_1.jpg"],
      title: ["Rainer Maria Rilke: Ausgewählte Kostbarkeiten"],
      subtitle: ["zusammengestellt von GOTTFRIED&nbsp;BERRON&emsp;SKV-Edition Lahr (Schwarzwald), 1992"],
      description: ["Edelpappband, Bezug und durchgehende Vorsätze aus Kleisterpapier, Lederschiene aus braunem Oasenziegenleder an Kopf und Fuß, <span class='nonbreaking'>3-seitiger</span> Naturschnitt, dunkelrotes Lederkapital, grüner Kartonschuber, Format: 9,2 cm x 12,4 cm; 2013"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-15", 
      urls: ["../imgs/bucheinbaende/Schuhu.jpg"],
      title: ["Peter Hacks: Der Schuhu und die fliegende Prinzessin"],
      subtitle: ["Zeichnungen von HEIDRUN&nbsp;HEGEWALD&emsp;Insel Verlag Berlin, 2010"],
      description: ["Flexibler Pergamentband, Pergament gespachtelt von GISELA&nbsp;RESCHKE, 2010, Vorsätze aus gelbem F-Color-Papier, 3-seitiger, geglätteter Naturschnitt, braunes Lederkapital, gelbes Lesebändchen mit Perle, gelb gefärbte Pergament-Riemen mit dunkelbrauner Titelprägung. Format: 12,3 cm x 18,2 cm; 2010, Privatbesitz"],
      foto: ["Foto: HENRIK&nbsp;POHL"]
      }, 
      {
      name: "bucheinbaende-16", 
      urls: ["../imgs/bucheinbaende/Anett Arnold_DANTE_Sonetti_Ansicht Kopie.jpg"],
      title: ["Dante Alighieri: Sonetti, Ballate, Sestine. Geschrieben von Anna Simons"],
      subtitle: ["Drei Masken Verlag, München, 1921"],
      description: ["Halblederband, handgefertigte Bezugspapiere (Spachtelpapier), 3-seitiger Farbschnitt, Kassette. Format: 16 x 18,5 cm; 2021"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-17", 
      urls: ["../imgs/bucheinbaende/Simons_Altdeutsche Minnelieder_Ansicht.jpg"],
      title: ["Altdeutsche Minnelieder. Geschrieben von Anna Simons"],
      subtitle: ["In der mittelhochdeutschen Urform ohne deutsche Übertragung&emsp;Drei Masken Verlag, München, 1923"],
      description: ["Halblederband, handgefertigte Bezugspapiere, 3-seitiger Farbschnitt, Kassette. Format: 13,5 x 18,5 cm; 2021"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-18", 
      urls: [
        "../imgs/bucheinbaende/Kopert_rot_Ansicht.jpg",
        "../imgs/bucheinbaende/Kopert_rot_neu.jpg"],
      title: ["Kopert"],
      subtitle: ["Leerbuch"],
      description: ["Kleister-Tunkpapier von GISELA&nbsp;RESCHKE, 2009, auf rotes Leder kaschiert, Langstichheftung mit einem dunkelblauen Faden, Klettverschluss. Format: 16,6 cm x 16,3 cm, 2009, Privatbesitz"],
      foto: ["Fotos: HENRIK&nbsp;POHL"]
      }, 
      {
      name: "bucheinbaende-19", 
      urls: [
        "../imgs/bucheinbaende/POE_I.jpg",
        "../imgs/bucheinbaende/POE_II.jpg",
        "../imgs/bucheinbaende/POE_III.jpg",
        "../imgs/bucheinbaende/POE_IV.jpg",
        "../imgs/bucheinbaende/Poe_Trilogie_Schuber.jpg"],
      title: [
        "E. A. Poe: Der Entwendete Brief",
        "E. A. Poe: Der Mord in der Rue Morgue",
        "E. A. Poe: Der Fall Marie Rogêt",
        "E. A. Poe - Trilogie",
        "Schuber aus Acrylglas für die gesamte Trilogie"],
      subtitle: [
        "mit acht handkolorierten Illustrationen und einer Titelvignette von ALBRECHT&nbsp;V.&nbsp;BODECKER&emsp;Pegasus Presse, Königsbrunn, 2009",
        "mit sieben ganzseitigen Ätzradierungen von CLAUS&nbsp;WEIDENSDORFER&emsp;Pegasus Presse, Königsbrunn, 2012",
        "Mit acht ganzseitigen Asphaltlithographien von ROLF&nbsp;MÜNZNER&emsp;Pegasus Presse, Königsbrunn, 2015",
        "Kassetten für die Originalzeichnungen bzw. Radierplatten",
        "(Bücher I – III, sowie die dazu gehörenden Kassetten)"],
      description: [
        "Halblederband (gelbes Oasenziegenleder) mit aufgesetzten Deckeln, polierter Naturschnitt am Kopf, handgestochenes, mehrfarbiges Seidenkapital, Blindprägung auf dem Rücken, Deckel bezogen mit einem Original-Buntpapier (GISELA&nbsp;RESCHKE, Hamburg, Spachteltechnik). Format: 18,1 cm x 26,5 cm, 2014, Privatbesitz",
        "Halblederband (schwarzes Oasenziegenleder) mit aufgesetzten Deckeln, polierter Naturschnitt am Kopf, handgestochenes, mehrfarbiges Seidenkapital, Blindprägung auf dem Rücken, Deckel bezogen mit einem Original-Buntpapier (GISELA&nbsp;RESCHKE, Hamburg, Spachteltechnik). Format: 18,1 cm x 26,5 cm, 2014, Privatbesitz",
        "Halblederband (terracottafarbenes Oasenziegenleder) mit aufgesetzten Deckeln, polierter Naturschnitt am Kopf, handgestochenes, mehrfarbiges Seidenkapital, Blindprägung auf dem Rücken, Deckel bezogen mit einem Original-Buntpapier (GISELA&nbsp;RESCHKE, Hamburg, Spachteltechnik). Format: 18,1 cm x 26,5 cm, 2016, Privatbesitz",
        "Jeder Band der Trilogie erhält eine Halblederkassette für die Originalzeichnungen bzw. die Radierplatten, Deckel der Kassette bezogen mit einem Original-Buntpapier analog dem jeweiligen Bucheinband, Blindprägung auf dem Rücken, Originalzeichnungen in Passepartouts eingelegt, die Radierplatten befinden sich in Steckhüllen aus Passepartoutkarton. Format: 18,1 cm x 26,5 cm, 2014 und 2017, Privatbesitz",
        "Format 14,7 x 18,5 x 27 cm, 2017, Privatbesitz"],
      foto: [
        "Foto: RICARDA&nbsp;FALLENBACHER",
        "Foto: RICARDA&nbsp;FALLENBACHER",
        "Foto: RICARDA&nbsp;FALLENBACHER",
        "Foto: ANETT&nbsp;ARNOLD",
        "Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-20", 
      urls: ["../imgs/bucheinbaende/Anett Arnold_Kleist_Marionettentheater_Einband_Gesamtansicht.jpg"],
      title: ["Heinrich von Kleist: Über das Marionettentheater"],
      subtitle: ["Wallstein Verlag und Büchergilde Gutenberg, Göttingen und Frankfurt am Main, 2011"],
      description: ["Edelpappband, Bezug aus handgeschöpftem Papier mit während des Gautsch-Vorganges eingelegten, schwarzen Papierstreifen, handumstochene, zweifarbige Kapitale, Rückentitelprägung in Orange, Kassette. Format: 17,5 x 25,5 cm, 2018"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-21", 
      urls: ["../imgs/bucheinbaende/Hero_Leander.jpg"],
      title: ["Musaios: Hero und Leander"],
      subtitle: ["aus dem Altgriechischen übersetzt und herausgegeben von MARION&nbsp;GIEBEL&emsp;Insel Verlag Frankfurt am Main und Leipzig, 2009"],
      description: ["Flexibler Pergamentband, Pergament gespachtelt von GISELA&nbsp;RESCHKE, 2010, schwarz gefärbte Pergament-Riemen, Vorsätze aus brombeerfarbenem Büttenpapier, handgestochenes, mehrfarbiges Kapital aus japanischer Seide, Schuber aus brombeerfarbenem Büttenkarton mit Prägung. Format: 12,3 cm x 18,2 cm; 2012, Privatbesitz"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      }, 
      {
      name: "bucheinbaende-22", 
      urls: [
        "../imgs/bucheinbaende/Anett_Arnold_Bucheinbaende_Fried_innen[1].jpg",
        "../imgs/bucheinbaende/Anett_Arnold_Bucheinbaende_Fried_Ansicht[1].jpg"],
      title: ["Erich Fried: Als ich mich nach dir verzehrte. Gedichte von der Liebe"],
      subtitle: ["Verlag Klaus Wagenbach Berlin, 2008"],
      description: ["Franzband aus schwarzem Oasenziegenleder, rote Titel-Prägung, farbig gestaltete Vorsätze und Spiegel von GISELA&nbsp;RESCHKE, 2005, <span class='nonbreaking'>3-seitiger</span> Naturschnitt, handumstochenes, mehrfarbiges Kapital aus japanischer Seide, Schuber mit schwarzer Lederschiene und gespachteltem Buntpapier (GISELA&nbsp;RESCHKE, 2005) bezogen. Format: 12,5 cm x 21,4 cm; 2010, Privatbesitz"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }],

  "restaurierungen": [
      {
      name: "restaurierungen-1", 
      urls: [
        "../imgs/restaurierungen/Album um 1700 vorher nachher 1 breit.jpg",
        "../imgs/restaurierungen/Album um 1700 vorher nachher 2 breit.jpg",
        "../imgs/restaurierungen/Album um 1700 vorher nachher 3 breit.jpg"],
      title: ["Poesie- / Erinnerungsalbum um 1700"],
      subtitle: [],
      description: ["Ganzlederband, Wiederverwendung aller historischen Materialien, Sicherung der Brokatpapiere. Auftragsarbeit aus dem Jahr 2017"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-2", 
      urls: [
        "../imgs/restaurierungen/Parlophon vorher nachher breit.jpg",
        "../imgs/restaurierungen/Masters Voice vorher nachher breit.jpg",
        "../imgs/restaurierungen/Kuhlenkampff vorher nachher breit.jpg",
        "../imgs/restaurierungen/Telefunken vorher nachher breit.jpg"],
      title: ["Restaurierung alter Schallplattenhüllen"],
      subtitle: [],
      description: ["Wässern und Glätten der Papierhüllen, Schließen der Risse mit Japanpapier. Auftragsarbeit 2021"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-3", 
      urls: [
        "../imgs/restaurierungen/Laurembergii vorher nachher 1 breit.jpg",
        "../imgs/restaurierungen/Laurembergii vorher nachher 2 breit.jpg",
        "../imgs/restaurierungen/Laurembergii vorher nachher 3 breit.jpg"],
      title: ["Petri Laurembergii Rostochiensis: Apparatus Plantarius Primus: Tributus in duos libros. I. De Plantis Bulbosis. II. De Plantis Tuberosis."],
      subtitle: ["Matthäus Merianus, Francofurti ad Moenum, 1632"],
      description: ["Pergamentband mit ausgerissenem Buchblock, Schäden am Papier und Einband &rarr; Umfangreiche Papierrestaurierung, neue Vorsatzpapiere aus Hadernpapier, handgestochene Kapitale, Ergänzung der Fehlstellen in der Pergamentdecke, Reinigung und Stabilisierung der Pergamentdecke. Auftragsarbeit aus dem Jahr 2018"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-4", 
      urls: ["../imgs/restaurierungen/Anett_Arnold_Historische_Karten_Restaurierung.jpg"],
      title: ["Reise-Falt-Landkarten"],
      subtitle: ["Ungarn, Böhmen, Schlesien, Mähren, Östereich, Bayern"],
      description: ["Gestochen von JOHANN&nbsp;GEORG&nbsp;SCHREIBERN, Leipzig, 1676-1750, gefaltet in einem Reiseetui"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-5", 
      urls: ["../imgs/restaurierungen/Burgundici vorher nachher.jpg"],
      title: ["Zeiller, Martin: Topographia Circuli Burgundici: Das ist, Beschreibung deß Burgundisch- und Niederländischen Craises."],
      subtitle: ["Caspar Merian, Franckfurt am Mayn, 1654"],
      description: ["Pergamentband mit stark geschrumpfter Pergamentdecke, herausgerissener Buchblock &rarr; Einfügen der losen Seiten, Nachheften loser Lagen, Lösen alter, nicht fachgerechter Verklebungen, Reinigen der Pergamentdecke und mehrmaliges Auskaschieren, um die Deformierung der Deckel zu beseitigen. Auftragsarbeit aus dem Jahr 2018"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-6", 
      urls: ["../imgs/restaurierungen/938_23 vorher nachher breit.jpg"],
      title: ["Pöhls, M.: Darstellung des gemeinen deutschen und des Hamburgischen Handelsrechts für Juristen und Kaufleute. 4. Band: Assecuranzrecht."],
      subtitle: ["Verlag Hoffmann und Campe, Hamburg, 1832"],
      description: ["Halblederband, selbst gefertigtes Buntpapier, Lederkapital, Handvergoldungen auf dem Rücken in Anlehnung an die alte Decke. Einband im Stil der Zeit für die Commerzbibliothek Hamburg, 2021"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-7", 
      urls: ["../imgs/restaurierungen/S 468 vorher nachher breit.jpg"],
      title: ["Admiralitätsordnung und andere Seerechte"],
      subtitle: ["Handschrift, undatiert"],
      description: ["Flexibler Pergamentband mit Stehkanten und Bindebändern. Pergamentband nur gesteckt, klebstofffrei, zum schonenden Umgang mit dem Archivgut. Restaurierung für die Commerzbibliothek Hamburg, 2021"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-8", 
      urls: ["../imgs/restaurierungen/Gerichtsordnung Celle vorher nachher breit 2.jpg"],
      title: ["Hagemann, Dr. Theodor: Die Ordnung des Königlichen Ober-Appellations-Gerichts zu Celle."],
      subtitle: ["Hahnsche Hofbuchhandlung, Hannover, 1819"],
      description: ["Pappband, Bezug mit Kleisterpapier (nach historischem Vorbild gefertigt), Goldlinien auf dem Rücken, Verwendung des alten Titelschildes. Auftragsarbeit aus dem Jahr 2016"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-9", 
      urls: [
        "../imgs/restaurierungen/Venetia vorher nachher breit.jpg",
        "../imgs/restaurierungen/Venetia nachher im Buch.jpg"],
      title: ["Zeiller, Martin: Itinerarium Italiae Nov Antiquae: Oder, Raiß-Beschreibung durch Italien.<br>Restaurierung von Graphiken, hier das Blatt VENETIA"],
      subtitle: ["Matthaeus Merian, Franckfurt am Mayn, 1640"],
      description: ["Stark beschädigte Pläne und Karten mit alten Verklebungen (z.T. TESA) &rarr; Reinigung der Blätter, nicht fachgerechte Verklebungen im Wasserbad lösen, Reparatur der Karten mit Japanpapier, geglättete Karten in den Buchblock einfügen. Auftragsarbeit 2017"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-10", 
      urls: [
        "../imgs/restaurierungen/Halle vorher nachher breit.jpg",
        "../imgs/restaurierungen/Halle nachher innen breit.jpg"],
      title: ["Halle, Johann Samuel: Giftpflanzen."],
      subtitle: ["Berlin, 1785"],
      description: ["Lederband. Auftragsarbeit aus dem Jahr 2020"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-11", 
      urls: ["../imgs/restaurierungen/Löseke vorher nachher breit.jpg"],
      title: ["Löseke, D. Joh. Ludwig Leberecht: Materia medica oder Abhandlung von den auserlesenen Arzneymitteln."],
      subtitle: ["Berlin und Stettin, 1773"],
      description: ["Pappband, Bezug mit Kiebitzpapier (nach historischem Vorbild gefertigt), Titelschild. Auftragsarbeit aus dem Jahr 202"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-12", 
      urls: [
        "../imgs/restaurierungen/Rom vorher nachher.jpg",
        "../imgs/restaurierungen/Rom vorher.jpg",
        "../imgs/restaurierungen/Rom nachher.jpg",
        "../imgs/restaurierungen/Rom nachher im Buch.jpg"],
      title: ["Zeiller, Martin: Itinerarium Italiae Nov Antiquae: Oder, Raiß-Beschreibung durch Italien.<br>Restaurierung von Graphiken, hier das Blatt ROM"],
      subtitle: ["Matthaeus Merian, Franckfurt am Mayn, 1640"],
      description: ["Stark beschädigte Pläne und Karten mit alten Verklebungen (z.T. TESA) &rarr; Reinigung der Blätter, nicht fachgerechte Verklebungen im Wasserbad lösen, Reparatur der Karten mit Japanpapier, geglättete Karten in den Buchblock einfügen. Auftragsarbeit 2017"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-13", 
      urls: [
        "../imgs/restaurierungen/Sammelband vorher nachher 2 breit.jpg",
        "../imgs/restaurierungen/Sammelband vorher nachher 3 breit.jpg",
        "../imgs/restaurierungen/Sammelband vorher nachher 4 breit.jpg",
        "../imgs/restaurierungen/Sammelband vorher nachher 1.jpg"],
      title: ["Sammelband um 1600"],
      subtitle: [],
      description: ["Stark beschädigter und verschmutzter Pergamentband mit ausgerissenem Buchblock &rarr; Umfangreiche Papierrestaurierung, Reinigung der Seiten, Ergänzung der Fehlstellen im Pergament, Verlängerung der Pergamenteinschläge (Japanpapier), Erneuerung der Bindebänder. Auftragsarbeit aus dem Jahr 2018"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-14", 
      urls: [
        "../imgs/restaurierungen/S 810 vorher nachher außen breit.jpg",
        "../imgs/restaurierungen/S 810 vorher nachher innen breit.jpg"],
      title: ["Peinliche Anklage des Rechten Fiscalis in criminalibus c[on]tra Johan Noble Schiffer des zu Cuxhaven verbrannten Schifs."],
      subtitle: ["Handschrift, 1717"],
      description: ["Halblederband, selbst gefertigtes Buntpapier, handgestochenes Kapital. Einband im Stil der Zeit für die Commerzbibliothek Hamburg, 2021"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-15", 
      urls: [
        "../imgs/restaurierungen/Schließen vorher nachher.jpg",
        "../imgs/restaurierungen/Schließen vorher nachher breit.jpg"],
      title: ["Ergänzung von Silber-Schließen"],
      subtitle: [],
      description: ["Auftragsarbeit aus dem Jahr 2020"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "restaurierungen-16", 
      urls: [
        "../imgs/restaurierungen/S 815 vorher nachher außen breit.jpg",
        "../imgs/restaurierungen/S 815 vorher nachher innen breit.jpg"],
      title: ["Anmerckungen über die hamburgische Gerichts-Ordnungen de Annis 1622, 1632 und 1645. Cum Annotationibus Beati Consulis Anderson margini adjectis, ex ejus authentico."],
      subtitle: ["Handschrift, 1739"],
      description: ["Pappband, selbst gefertigtes Buntpapier, Lederkapital. Einband im Stil der Zeit für die Commerzbibliothek Hamburg, 2021"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }],
  "objekte": [
      {
      name: "objekte-1", 
      urls: [
        "../imgs/objekte/Kartonage.jpg",
        "../imgs/objekte/Kartonage 1.jpg",
        "../imgs/objekte/Kartonage 2.jpg"],
      title: ["Bau einer Kartonage nach historischem Vorbild"],
      subtitle: [],
      description: ["Bau des Körpers aus Pappe, Kanteneinfassung mit gelbem Oasen-Ziegenleder, äußerer Bezug aus handgefertigtem Buntpapier (GISELA&nbsp;RESCHKE, Hamburg), Auftragsarbeit 2016"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-2", 
      urls: [
        "../imgs/objekte/Papiertheater Engelbrecht.jpg",
        "../imgs/objekte/Papiertheater Engelbrecht 1.jpg",
        "../imgs/objekte/Papiertheater Engelbrecht 2.jpg"],
      title: ["Bau eines Papiertheaters"],
      subtitle: ["„Die Freimaurer-Loge“, ca. 1750, Original-Tafeln von MARTIN&nbsp;ENGELBRECHT (1684-1756)"],
      description: ["Kanten mit blauem Oasen-Ziegenleder eingefasst, Bezugspapiere (GISELA&nbsp;RESCHKE, Hamburg), 2016, Privatbesitz"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-3", 
      urls: [
        "../imgs/objekte/Schubladen 1.jpg",
        "../imgs/objekte/Schubladen.jpg",
        "../imgs/objekte/Schubladen 2.jpg"],
      title: ["Restaurierung eines Schubladenschrankes"],
      subtitle: [],
      description: ["Auftragsarbeit aus dem Jahre 2014"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-4", 
      urls: [
        "../imgs/objekte/Anett_Arnold_Behaelter_Dose_1 Kopie.jpg",
        "../imgs/objekte/Anett_Arnold_Behaelter_Dose_1.jpg",
        "../imgs/objekte/Anett_Arnold_Behaelter_Dose_2 Kopie.jpg"],
      title: ["Behälter für ein Salbölgefäß"],
      subtitle: [],
      description: ["Auftragsarbeit für Pastor NILS&nbsp;CHRISTIANSEN (Hamburg), 2014"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-5", 
      urls: ["../imgs/objekte/Anett_Arnold_Objekt_Schale.jpg"],
      title: ["Schale aus Kozo"],
      subtitle: [],
      description: ["Schale farbig bearbeitet, Relief mit Blattsilber belegt. Größe: Durchmesser 19,5 cm, Höhe 10 cm, 2013"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-6", 
      urls: ["../imgs/objekte/Suminagashi_Schachtel.jpg"],
      title: ["Stülpdeckelkasten"],
      subtitle: [],
      description: ["Kasten bezogen mit Suminagashi-Papier (GISELA&nbsp;RESCHKE, Hamburg). Format: 19 cm x 27 cm x 3,5 cm, 2009, Privatbesitz"],
      foto: ["Foto: HENRIK&nbsp;POHL"]
      },
      {
      name: "objekte-7", 
      urls: ["../imgs/objekte/Zuckergemmenschachtel.jpg"],
      title: ["Faltschachtel"],
      subtitle: ["ehemals Faltschachteln für Zuckergemmen - nach historischem Vorbild gefertigt"],
      description: ["Schachtel bezogen mit Kleisterpapier von GISELA&nbsp;RESCHKE, 2012, gefalteter Teil aus farbigem Japanpapier. Format: 5 cm x 5 cm x 2 cm, 2012, Privatbesitz"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "objekte-8", 
      urls: [
        "../imgs/objekte/Taufschale 1.jpg",
        "../imgs/objekte/Taufschale 2.jpg",
        "../imgs/objekte/Taufschale 3.jpg",
        "../imgs/objekte/Taufschale 4.jpg",
        "../imgs/objekte/Taufschale 5.jpg"],
      title: ["Behältnis für Taufutensilien"],
      subtitle: [],
      description: ["Behältnis bezogen mit Oasenziegenleder, gepolstert, Magnetverschluss. Auftragsarbeit für Pastor NILS CHRISTIANSEN (Hamburg), 2016"],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }],
  "papiere": [
      {
      name: "papiere-1", 
      urls: [
        "../imgs/papiere/Papier 1.jpg",
        "../imgs/papiere/Papier 7.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["ie gerissenen Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 48 cm"],
      foto: ["Fotos: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-2", 
      urls: ["../imgs/papiere/Kleister 1.jpg"],
      title: ["Kleisterpapier"],
      subtitle: [],
      description: ["Größe: 100 x 70 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-3", 
      urls: ["../imgs/papiere/Papier 4.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 48 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      
      },
      {
      name: "papiere-4", 
      urls: ["../imgs/papiere/Spachtel 2.jpg"],
      title: ["Spachtelpapier"],
      subtitle: [],
      description: ["Größe: 70 x 50 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-5", 
      urls: ["../imgs/papiere/Papier 5.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die gerissenen Papierstreifen (Makulatur) wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 44 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-6", 
      urls: ["../imgs/papiere/Kleister 3.jpg"],
      title: ["Kleisterpapier"],
      subtitle: [],
      description: ["Größe: 62 x 48 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-7", 
      urls: ["../imgs/papiere/Papier 11.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die schwarzen und weißen Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 48 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-8", 
      urls: [
        "../imgs/papiere/Spachtel 3a.jpg",
        "../imgs/papiere/Spachtel 3b.jpg"],
      title: ["Spachtelpapier"],
      subtitle: [],
      description: ["Größe: 100 x 70 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-9", 
      urls: ["../imgs/papiere/Papier 8.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Größe: 80 x 60 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-10", 
      urls: ["../imgs/papiere/Spachtel 4.jpg"],
      title: ["Spachtelpapier"],
      subtitle: [],
      description: ["Größe: 44 x 31cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-11", 
      urls: ["../imgs/papiere/Kleister 2.jpg"],
      title: ["Kleisterpapier"],
      subtitle: [],
      description: ["Größe: 70 x 50 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-12", 
      urls: ["../imgs/papiere/Papier 9.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die weißen Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 45 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-13", 
      urls: ["../imgs/papiere/Kleister 4.jpg"],
      title: ["Kleisterpapier"],
      subtitle: [],
      description: ["Größe: 62 x 48cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-14", 
      urls: ["../imgs/papiere/Papier 6.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die weißen Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 50 x 42 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-15", 
      urls: ["../imgs/papiere/Papier 2.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Größe: 80 x 60 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-16", 
      urls: ["../imgs/papiere/Spachtel 6.jpg"],
      title: ["Spachtelpapier"],
      subtitle: [],
      description: ["Größe: 86 x 48 cm"],
      foto: ["Foto: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "papiere-17", 
      urls: ["../imgs/papiere/Papier 10.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die Papierstreifen wurden während des Gautsch-Vorganges eingelegt, nach dem Trocknungsprozess wurde das Blatt farbig überwalzt.<br>Größe: 50 x 42 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-18", 
      urls: ["../imgs/papiere/Papier 3.jpg"],
      title: ["Handgeschöpftes Papier"],
      subtitle: [],
      description: ["Die schwarzen Papierstreifen wurden während des Gautsch-Vorganges eingelegt.<br>Größe: 60 x 48 cm"],
      foto: ["Foto: AXEL&nbsp;NORDMEIER"]
      },
      {
      name: "papiere-19", 
      urls: ["../imgs/papiere/Spachtel 1.jpg"],
      title: ["Spachtelpapier"],
      subtitle: [],
      description: ["Größe: 70 x 50 cm"],
      foto: ["Foto: ANETT&nbso;ARNOLD"]
      }],
  "faltarbeiten": [
      {
      name: "faltarbeiten-1", 
      urls: [
        "../imgs/faltarbeiten/Faltung1.jpg",
        "../imgs/faltarbeiten/image1318.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-2", 
      urls: [
        "../imgs/faltarbeiten/FaltungE.jpg",
        "../imgs/faltarbeiten/Faltung6.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-3", 
      urls: [
        "../imgs/faltarbeiten/Faltung8.jpg",
        "../imgs/faltarbeiten/Faltung5.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-4", 
      urls: [
        "../imgs/faltarbeiten/FaltungA.jpg",
        "../imgs/faltarbeiten/Faltung4.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-5", 
      urls: [
        "../imgs/faltarbeiten/image1324.jpg",
        "../imgs/faltarbeiten/image1323.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-6", 
      urls: [
        "../imgs/faltarbeiten/FaltungD.jpg",
        "../imgs/faltarbeiten/image1328.jpg",
        "../imgs/faltarbeiten/Faltung11a.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-7", 
      urls: ["../imgs/faltarbeiten/FaltungB.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-8", 
      urls: [
        "../imgs/faltarbeiten/image1333.jpg",
        "../imgs/faltarbeiten/Faltung2.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-9", 
      urls: [
        "../imgs/faltarbeiten/image1336.jpg",
        "../imgs/faltarbeiten/Faltung3.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-10", 
      urls: [
        "../imgs/faltarbeiten/Faltung9b.jpg",
        "../imgs/faltarbeiten/Faltung9a.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-11", 
      urls: [
        "../imgs/faltarbeiten/image1342.jpg",
        "../imgs/faltarbeiten/image1341.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      },
      {
      name: "faltarbeiten-12", 
      urls: [
        "../imgs/faltarbeiten/Faltung7.jpg",
        "../imgs/faltarbeiten/FaltungC.jpg"],
      title: ["Faltarbeiten"],
      subtitle: [],
      description: ["geometrische Faltungen als Beitrag zur Offenen Werkstatt 2012. Verwendung von handgeschöpftem, weißem Papier."],
      foto: ["Fotos: ANETT&nbsp;ARNOLD"]
      }]
    };
// import data from "../assets/data.json";

// let data = {};
// $.getJSON('../assets/data.json', function(d) {
//   data = JSON.stringify(d)
// });
const previewTabs = ['bucheinbaende', 'restaurierungen', 'objekte', 'papiere', 'faltarbeiten'];
const sectionLimits = [22, 16, 8, 19, 12];

sessionStorage.setItem("data", JSON.stringify(data));

let maxElements  = screen.width < 750 ? 1 : screen.width < 1000 ? 2 : 3;
let touchStart = null;

class TitlePage extends React.Component {
    constructor (props) {
        super(props);
        this.state = {
          maxElements: 0
        }

        this.handleClick = this.handleClick.bind(this);

        this.minusSlides = this.minusSlides.bind(this);
        this.currentSlide = this.currentSlide.bind(this);
        this.plusSlides = this.plusSlides.bind(this);

        this.handleTouchStart = this.handleTouchStart.bind(this);
        this.handleTouchEnd = this.handleTouchEnd.bind(this);

        this.handleResize = this.handleResize.bind(this);
    }
    componentDidMount() {
      $(".prev").prop('disabled', true);
      $(window).on("resize", this.handleResize);
      console.log(previewTabs.indexOf(sessionStorage.getItem("currentSection")))
      if (previewTabs.indexOf(sessionStorage.getItem("currentSection")) != -1) {
        document.getElementById(sessionStorage.getItem("currentSection") + "-section").scrollIntoView();
      } else {
        sessionStorage.setItem("currentSection", "index");
      }
    }
    handleResize() {
      maxElements  = screen.width < 750 ? 1 : screen.width < 1000 ? 2 : 3;
      this.setState({
        maxElements: window.innerWidth < 750 ? 1 : window.innerWidth < 1000 ? 2 : 3
      });

    }
    handleTouchStart(e) {
      if(e.touches.length === 1){
        touchStart = e.touches.item(0).clientX;
      }else{
        touchStart = null;
      }
    }
    handleTouchEnd(e) {
      if (touchStart) {
        let end = e.changedTouches.item(0).clientX;
        let objectID = e.target.id;

        if (end > touchStart + 100) {
          let minusObjectID = objectID.substring(0, objectID.indexOf("-")) + "-prev";
          this.minusSlides(minusObjectID);
        } else if (end < touchStart - 100) {
          let plusObjectID = objectID.substring(0, objectID.indexOf("-")) + "-next";
          this.plusSlides(plusObjectID);
        }
      }
    }
    handleClick(e) {

      if (e.target.className == "next") {
        this.plusSlides(e.target.id);
      } else if (e.target.className == "prev") {
        this.minusSlides(e.target.id);
      } else if (e.target.className.substring(0, 3) == "dot") {
        this.currentSlide(e.target);
      } else {
        const section = e.target.classList[1];
        const index = e.target.id.substring(section.length + 8);
        sessionStorage.setItem("currentSection", section);
        sessionStorage.setItem("currentIndex", index);
      }
    }
    minusSlides(name) {
      const section = name.substring(0, name.length-5);
      const lastIndex = parseInt($("."+ section).filter(function () {
        return $(this).css('display') != "none";
      })[maxElements - 1].id.substring(section.length + 8));
      const firstIndex = lastIndex - maxElements;

      if (firstIndex < 1) {
        $("#" + section + "-prev").prop('disabled', true);

      } else if (firstIndex == 1) {

        $("#" + section + "-prev").prop('disabled', true);

        $("#" + section + "-button-" + firstIndex).css('display', 'block');
        $("#" + section + "-dot-" + firstIndex).addClass("active");
        $("#" + section + "-button-" + lastIndex).css('display', 'none');
        $("#" + section + "-dot-" + lastIndex).removeClass("active");

        $("#" + section + "-next").prop('disabled', false);

      }else {
        $("#" + section + "-button-" + firstIndex).css('display', 'block');
        $("#" + section + "-dot-" + firstIndex).addClass("active");
        $("#" + section + "-button-" + lastIndex).css('display', 'none');
        $("#" + section + "-dot-" + lastIndex).removeClass("active");

        $("#" + section + "-next").prop('disabled', false);
      }
    }
    currentSlide(object) {
      const section = object.id.substring(0, object.id.indexOf("-"));
      const index = parseInt(object.id.substring(section.length + 5));

      if ((index + 1) > document.getElementsByClassName(section + "-dot").length) {
        $("." + section + "-dot").removeClass("active");
        $("." + section).css("display", "none");
        $("#" + section + "-dot-" + index).addClass("active");
        $("#" + section + "-button-" + index).css("display", "block");
        
        if (maxElements > 1) {
          $("#" + section + "-dot-" + (index - 1)).addClass("active");
          $("#" + section + "-button-" + (index - 1)).css("display", "block");
          if (maxElements > 2) {
            $("#" + section + "-dot-" + (index - 2)).addClass("active");
            $("#" + section + "-button-" + (index - 2)).css("display", "block");
          }
        }
        $("#" + section + "-next").prop("disabled", true);
        $("#" + section + "-prev").prop("disabled", false);

      } else if ((index - 1) < 1) {

        $("." + section + "-dot").removeClass("active");
        $("." + section).css("display", "none");
        $("#" + section + "-button-" + index).css("display", "block");
        $("#" + section + "-dot-" + index).addClass("active");
        
        if (maxElements > 1) {
          $("#" + section + "-dot-" + (index + 1)).addClass("active");
          $("#" + section + "-button-" + (index + 1)).css("display", "block");
          if (maxElements > 2) {
            $("#" + section + "-dot-" + (index + 2)).addClass("active");
            $("#" + section + "-button-" + (index + 2)).css("display", "block");
          }
        }
        $("#" + section + "-prev").prop("disabled", true);
        $("#" + section + "-next").prop("disabled", false);

      } else {

        $("." + section + "-dot").removeClass("active");
        $("." + section).css("display", "none");
        $("#" + section + "-button-" + index).css("display", "block");
        $("#" + section + "-dot-" + index).addClass("active");
        
        if (maxElements > 1) {
          $("#" + section + "-dot-" + (index + 1)).addClass("active");
          $("#" + section + "-button-" + (index + 1)).css("display", "block");
          if (maxElements > 2) {
            $("#" + section + "-dot-" + (index - 1)).addClass("active");
            $("#" + section + "-button-" + (index - 1)).css("display", "block");
          }
        }
        $("#" + section + "-prev").prop("disabled", false);
        $("#" + section + "-next").prop("disabled", false);

        if ((index + 1) == document.getElementsByClassName(section + "-dot").length) {
          $("#" + section + "-next").prop("disabled", true);
        }
        if ((index - 1) == 1) {
          $("#" + section + "-prev").prop("disabled", true);
        }
      }
    }
    plusSlides(name) {
      
      const section = name.substring(0, name.length-5);
      const lastIndex = parseInt($("."+ section).filter(function () {
        return $(this).css('display') != "none";
      })[maxElements - 1].id.substring(section.length + 8)) + 1;
      const firstIndex = lastIndex - maxElements;

      if (lastIndex > document.getElementsByClassName(section).length) {
        $("#" + section + "-next").prop('disabled', true);
        $("#" + section + "-prev").prop('disabled', false);

      } else if (lastIndex == document.getElementsByClassName(section).length) {

        $("#" + section + "-next").prop('disabled', true);
        $("#" + section + "-prev").prop('disabled', false);

        $("#" + section + "-button-" + lastIndex).css('display', 'block');
        $("#" + section + "-dot-" + lastIndex).addClass("active");
        $("#" + section + "-button-" + firstIndex).css('display', 'none');
        $("#" + section + "-dot-" + firstIndex).removeClass("active");
        
      }else {

        $("#" + section + "-button-" + lastIndex).css('display', 'block');
        $("#" + section + "-dot-" + lastIndex).addClass("active");
        $("#" + section + "-button-" + firstIndex).css('display', 'none');
        $("#" + section + "-dot-" + firstIndex).removeClass("active");
        
        $("#" + section + "-prev").prop('disabled', false);
      }
    }
    render () {
      return (
        <div>
          {previewTabs.map(tab => {
            return <Section id={tab} onClick={this.handleClick} onTouchStart={this.handleTouchStart} onTouchEnd={this.handleTouchEnd}/>
          })}
        </div>
      )
    }
}

const Section = (props) => {
  const numbers = getTotalOfObjects(props.id);
  return(
    <section id={props.id + "-section"} className="sections">
      <h1 className="section-header">{props.id != "bucheinbaende" ? props.id.charAt(0).toUpperCase() + props.id.substring(1) : "Bucheinbände"}</h1>
      <div className="vorschau-div">
        <button id={props.id + "-prev"} className="prev" onClick={props.onClick}>&#10094;</button>
        {numbers.map(number => {
          return <Preview id={props.id} number={number} onClick={props.onClick} onTouchStart={props.onTouchStart} onTouchEnd={props.onTouchEnd} />
        })}
        <button id={props.id + "-next"} className="next" onClick={props.onClick}>&#10095;</button>
      </div>
      <div className="dots-div">
        {numbers.map(number => {
          return <Dot id={props.id} number={number} onClick={props.onClick} />
        })}
      </div>
    </section>
  )
}
const Preview = (props) => {
  return(
    props.number <= maxElements ? <a id={props.id + "-button-" + props.number} className={"vorschau-button " + props.id} onClick={props.onClick} href={props.id + ".html"} onTouchStart={props.onTouchStart} onTouchEnd={props.onTouchEnd}></a>
    : <a id={props.id + "-button-" + props.number} className={"vorschau-button " + props.id} onClick={props.onClick}  href={props.id + ".html"} style={{display: 'none'}} onTouchStart={props.onTouchStart} onTouchEnd={props.onTouchEnd}></a>
  )
}
const Dot = (props) => {
  return(
    props.number <= maxElements ? <div id={props.id + "-dot-" + props.number} className={"dot " + props.id + "-dot active"} onClick={props.onClick}></div>
    : <div className={"dot " + props.id + "-dot"} id={props.id + "-dot-" + props.number} onClick={props.onClick}></div>
  )
}

//
//
//
function getTotalOfObjects(section) {
  const numbers = [];
  for (let i=1; i <= sectionLimits[previewTabs.indexOf(section)]; i++) {
    numbers.push(i);
  }
  return numbers;
}

ReactDOM.render(<TitlePage />, document.getElementById('root'));