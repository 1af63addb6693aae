"""Invented résumés in languages whose texts still travel in legacy single-byte encodings.

Each is short and realistic: a name, a headline, a job or two with dates, a school and skills,
with the English tool names and e-mail addresses such résumés carry. The people and companies
are made up. ``LEGACY_CASES`` pairs each text with an encoding that can hold it.
"""

from __future__ import annotations

RUSSIAN = """Иван Петров
Ведущий разработчик программного обеспечения, Москва
ivan.petrov@example.ru, +7 495 123-45-67

Опыт работы
Ведущий разработчик, ООО "Северные технологии"
Январь 2019 - настоящее время
- Руководил командой из пяти инженеров, сократил время обработки заказов на 40%
- Перевёл платёжный сервис на Python и PostgreSQL

Разработчик, Сбербанк-Технологии
Сентябрь 2015 - Декабрь 2018
- Разрабатывал внутренние отчёты и интеграции с банковскими системами

Образование
Московский государственный университет, факультет вычислительной математики
Магистр прикладной математики, 2010 - 2015

Навыки
Python, SQL, Docker, Kubernetes, английский язык (свободно)
"""

UKRAINIAN = """Олена Коваленко
Бухгалтерка з досвідом у міжнародних компаніях, Київ
olena.kovalenko@example.com.ua, +380 44 123 4567

Досвід роботи
Головна бухгалтерка, ТОВ "Дніпровські рішення"
Березень 2018 - дотепер
- Підготувала річну звітність за стандартами МСФЗ для трьох підприємств
- Запровадила облік у SAP і скоротила закриття місяця з десяти днів до шести

Бухгалтерка, Приватбанк
Липень 2014 - Лютий 2018
- Вела розрахунки з постачальниками та контрагентами

Освіта
Київський національний економічний університет імені Вадима Гетьмана
Магістерка з обліку і аудиту, 2009 - 2014

Навички
Excel, SAP, 1С, українська, англійська та польська мови
"""

CZECH = """Jiří Novák
Vývojář webových aplikací, Praha
jiri.novak@example.cz, +420 601 234 567

Pracovní zkušenosti
Vedoucí vývojář, Škoda Digital s.r.o.
Březen 2019 - současnost
- Řídil tým čtyř vývojářů a zkrátil dobu nasazení o třetinu
- Navrhl nový objednávkový systém v jazyce Python a Django

Programátor, Česká spořitelna
Září 2014 - Únor 2019
- Vyvíjel interní nástroje pro účetní oddělení a správu úvěrů

Vzdělání
České vysoké učení technické v Praze, Fakulta informačních technologií
Inženýr, softwarové inženýrství, 2009 - 2014

Dovednosti
Python, Django, PostgreSQL, Git, angličtina a němčina
"""

POLISH = """Małgorzata Wiśniewska
Analityczka danych, Łódź
malgorzata.wisniewska@example.pl, +48 601 234 567

Doświadczenie zawodowe
Starsza analityczka danych, Żabka Polska sp. z o.o.
Październik 2019 - obecnie
- Zbudowała model prognozowania sprzedaży, który zmniejszył straty o 15%
- Prowadziła szkolenia z języka SQL dla działu zakupów

Analityczka, Bank Pekao
Wrzesień 2015 - Wrzesień 2019
- Przygotowywała raporty dotyczące ryzyka kredytowego i płynności

Wykształcenie
Uniwersytet Łódzki, Wydział Ekonomiczno-Socjologiczny
Magister ekonometrii, 2010 - 2015

Umiejętności
Python, SQL, Power BI, język angielski (biegły), język niemiecki
"""

GREEK = """Γιώργος Παπαδόπουλος
Μηχανικός λογισμικού, Αθήνα
giorgos.papadopoulos@example.gr, +30 210 123 4567

Επαγγελματική εμπειρία
Ανώτερος μηχανικός λογισμικού, Ελληνικές Τηλεπικοινωνίες Α.Ε.
Μάιος 2018 - σήμερα
- Ηγήθηκε ομάδας έξι μηχανικών για τη μετάβαση των υπηρεσιών στο cloud
- Μείωσε τον χρόνο απόκρισης του συστήματος πληρωμών κατά 30%

Προγραμματιστής, Τράπεζα Πειραιώς
Ιούνιος 2014 - Απρίλιος 2018
- Ανέπτυξε εσωτερικές εφαρμογές για το τμήμα δανείων

Εκπαίδευση
Εθνικό Μετσόβιο Πολυτεχνείο, Σχολή Ηλεκτρολόγων Μηχανικών
Δίπλωμα Ηλεκτρολόγου Μηχανικού, 2008 - 2014

Δεξιότητες
Java, Python, Kubernetes, αγγλικά και γερμανικά
"""

TURKISH = """Ayşe Yılmaz
Yazılım geliştirme uzmanı, İstanbul
ayse.yilmaz@example.com.tr, +90 212 123 45 67

İş deneyimi
Kıdemli yazılım geliştirici, Doğuş Teknoloji A.Ş.
Şubat 2019 - günümüz
- Dört kişilik bir ekibe liderlik etti ve ödeme sisteminin hatalarını yüzde 30 azalttı
- Müşteri hizmetleri için yeni bir raporlama aracı geliştirdi

Yazılım geliştirici, Türk Telekom
Ağustos 2015 - Ocak 2019
- Şirket içi uygulamaların bakımını üstlendi

Eğitim
Orta Doğu Teknik Üniversitesi, Bilgisayar Mühendisliği
Lisans, 2011 - 2015

Beceriler
Java, Python, Oracle, İngilizce (ileri düzey), Almanca
"""

HEBREW = """דניאל כהן
מהנדס תוכנה בכיר, תל אביב
daniel.cohen@example.co.il, +972 3 123 4567

ניסיון תעסוקתי
מהנדס תוכנה בכיר, חברת אורות טכנולוגיות בע"מ
מרץ 2019 - היום
- הובלתי צוות של חמישה מפתחים בפיתוח מערכת תשלומים חדשה
- קיצרתי את זמן התגובה של השרתים בשלושים אחוזים

מפתח תוכנה, בנק הפועלים
ספטמבר 2015 - פברואר 2019
- פיתחתי כלים פנימיים למחלקת האשראי

השכלה
הטכניון - מכון טכנולוגי לישראל, הפקולטה למדעי המחשב
תואר ראשון במדעי המחשב, 2011 - 2015

כישורים
Python, Java, SQL, אנגלית ברמה גבוהה
"""

ARABIC = """أحمد المنصوري
مهندس برمجيات أول، دبي
ahmed.almansouri@example.ae, +971 4 123 4567

الخبرة المهنية
مهندس برمجيات أول، شركة الخليج للحلول الرقمية
مارس 2019 - حتى الآن
- قاد فريقا من خمسة مهندسين لتطوير نظام جديد للمدفوعات
- خفض زمن استجابة الخوادم بنسبة ثلاثين في المئة

مطور برمجيات، بنك الإمارات دبي الوطني
سبتمبر 2015 - فبراير 2019
- طور أدوات داخلية لقسم الائتمان

التعليم
جامعة الإمارات العربية المتحدة، كلية تقنية المعلومات
بكالوريوس علوم الحاسب، 2011 - 2015

المهارات
Python, Java, SQL, اللغة الإنجليزية بطلاقة
"""

LEGACY_CASES: tuple[tuple[str, str, str], ...] = (
    ("cp1251", "Russian", RUSSIAN),
    ("koi8-r", "Russian", RUSSIAN),
    ("koi8-u", "Ukrainian", UKRAINIAN),
    ("cp1250", "Czech", CZECH),
    ("iso-8859-2", "Polish", POLISH),
    ("iso-8859-7", "Greek", GREEK),
    ("cp1254", "Turkish", TURKISH),
    ("cp1255", "Hebrew", HEBREW),
    ("cp1256", "Arabic", ARABIC),
)
"""(encoding, language, text): every encoding the issue named, with a text it can hold."""
