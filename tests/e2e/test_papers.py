"""Papers in the real app: a delivery note previewed as it prints (pdf.js), signed by the
customer on the signature pad, and marked signed on the customer's documents tab."""

import datetime
import subprocess
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector

from conftest import CLI
from ui import fill, find, go, testid, wait, wait_text


def cli(db, *args):
    return subprocess.run([str(CLI), "--db", str(db), *args], check=True, capture_output=True, text=True).stdout


def a_book_with_one_delivery_note(db):
    today = datetime.date.today().isoformat()
    cli(db, "init")
    cli(db, "company", "set", "--legal-name", "杭州明远建材有限公司", "--address", "浙江省杭州市拱墅区祥园路88号",
        "--phone", "0571-88236677", "--tax-id", "91330105MA27XK8L3Q")
    cli(db, "customer", "add", "--code", "C100", "--name", "杭州新华超市", "--terms", "net:30", "--credit-limit", "50000")
    cli(db, "delivery", "--customer", "C100", "--date", today, "--line", "水泥 P.O 42.5,10,412.35", "--line", "螺丝,333,0.035")


def draw_signature(driver):
    pad = testid(driver, "signature-pad")
    width = pad.size["width"]
    chain = ActionChains(driver).move_to_element_with_offset(pad, -width // 3, 10).click_and_hold()
    for step in range(1, 13):
        chain = chain.move_by_offset(width // 20, -24 if step % 2 else 24)
    chain.release().perform()


def test_a_customer_signs_a_delivery_note_on_the_pad_and_the_note_is_marked_signed(launcher):
    app = launcher(a_book_with_one_delivery_note)
    d = app.driver
    testid(d, "nav-customers", seconds=20)
    go(d, "#/customers/C100?tab=documents")
    row = find(d, "[data-testid='paper-row'][data-number='SD-{}-000001']".format(datetime.date.today().year))
    assert "已开具" in row.text
    app.shot("01-documents-tab-issued")
    row.find_element("css selector", "a").click()

    # The stored PDF, drawn by pdf.js inside the app.
    wait("the preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered") == "1")
    wait_text(d, "[data-testid='paper-title']", "送货单")
    sha = testid(d, "paper-sha256").text
    assert len(sha) == 64, sha
    app.shot("02-issued-preview")

    # Nothing drawn yet: refused in place.
    fill(d, "signer", "王经理")
    testid(d, "sign-confirm").click()
    wait_text(d, "[data-testid='sign-error']", "尚未签字")

    draw_signature(d)
    wait_text(d, ".pad-foot", "已签字")
    fill(d, "signer_role", "仓库主管")
    app.shot("03-signing-on-the-pad")
    testid(d, "sign-confirm").click()

    wait("the note marked signed", lambda: find(d, "[data-testid='paper-status']").get_attribute("data-status") == "signed_pad")
    wait_text(d, "[data-testid='signed-by']", "王经理 (仓库主管)")
    wait_text(d, "[data-testid='toast']", "已由 王经理 签收")
    wait("the signed version drawn", lambda: find(d, "[data-testid='show-signed']").get_attribute("class").find("on") >= 0)
    wait("the signed preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered") == "1")
    app.shot("04-signed-preview")

    testid(d, "paper-verify").click()
    wait_text(d, "[data-testid='verify-result']", "一致")

    go(d, "#/customers/C100?tab=documents")
    wait_text(d, "[data-testid='paper-row']", "已在屏幕上签收")
    app.shot("05-documents-tab-signed")

    # The same books, read by the command line: the signature is on the PDF the app showed.
    number = "SD-{}-000001".format(datetime.date.today().year)
    listed = cli(app.db, "document", "verify", number)
    assert "signed pdf ok, signed original ok" in listed, listed
    assert sha in listed


def test_month_end_for_the_demo_company_then_one_statement_confirmed_and_another_disputed(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "dashboard", seconds=90)
    testid(d, "nav-month-end").click()
    testid(d, "month-end")
    wait("the candidates", lambda: len(d.find_elements("css selector", "[data-testid='candidate']")) > 20, seconds=20)
    candidates = len(d.find_elements("css selector", "[data-testid='candidate']"))
    generate = testid(d, "month-end-generate")
    assert str(candidates) in generate.text, generate.text
    app.shot("01-month-end-candidates")
    generate.click()
    wait_text(d, "[data-testid='month-end-summary']", f"已开具 {candidates} 张对账单", seconds=120)
    wait_text(d, "[data-testid='count-issued']", str(candidates))
    wait_text(d, "[data-testid='count-pending']", str(candidates))
    app.shot("02-month-end-issued")

    rows = d.find_elements("css selector", "[data-testid='statement-row']")
    first, second = rows[0].get_attribute("data-number"), rows[1].get_attribute("data-number")

    # The first customer signs the slip on the pad: confirmed.
    go(d, f"#/papers/{first}")
    wait("the statement drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered"))
    testid(d, "answer-confirm").click()
    fill(d, "signer", "周会计")
    draw_signature(d)
    wait_text(d, ".pad-foot", "已签字")
    testid(d, "sign-confirm").click()
    wait("confirmed", lambda: find(d, "[data-testid='statement-panel'] [data-testid='statement-status']").get_attribute("data-status") == "confirmed")
    wait("the signed statement shown", lambda: "on" in (find(d, "[data-testid='show-signed']").get_attribute("class") or ""))
    wait("the signed preview drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered"))
    app.shot("03-statement-confirmed")

    # The second says it owes nothing: disputed, with the reason.
    go(d, f"#/papers/{second}")
    testid(d, "answer-dispute").click()
    fill(d, "claimed", "0")
    testid(d, "dispute-confirm").click()
    wait_text(d, "[data-testid='dispute-error']", "原因")
    fill(d, "reason", "上月货款已用承兑汇票支付，对方未入账")
    testid(d, "dispute-confirm").click()
    wait("disputed", lambda: find(d, "[data-testid='statement-panel'] [data-testid='statement-status']").get_attribute("data-status") == "disputed")
    wait_text(d, "[data-testid='dispute-facts']", "承兑汇票")
    app.shot("04-statement-disputed")

    testid(d, "nav-month-end").click()
    wait_text(d, "[data-testid='count-confirmed']", "1")
    wait_text(d, "[data-testid='count-disputed']", "1")
    wait_text(d, "[data-testid='count-pending']", str(candidates - 2))
    app.shot("05-month-end-counts")
    testid(d, "nav-dashboard").click()
    wait("the statements awaiting confirmation", lambda: len(d.find_elements("css selector", "[data-testid='pending-statements'] tbody tr")) == 8)
    app.shot("06-dashboard-pending-statements")


PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "papers" / "signed-paper-photo.jpg"


def test_a_demand_letter_sent_by_express_with_its_receipt_back_moves_the_limitation_date(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "dashboard", seconds=90)
    testid(d, "nav-letters").click()
    wait("letters due", lambda: len(d.find_elements("css selector", "[data-testid='letter-due'][data-state='due']")) > 0, seconds=20)
    app.shot("01-letters-due")
    code = d.find_elements("css selector", "[data-testid='letter-due'][data-state='due']")[0].get_attribute("data-code")
    today = datetime.date.today()
    restarted = today.replace(year=today.year + 3) if not (today.month == 2 and today.day == 29) else today.replace(year=today.year + 3, day=28)

    go(d, f"#/customers/{code}?tab=aging")
    wait("the limitation table", lambda: len(d.find_elements("css selector", "[data-testid='limitation-row']")) > 0)
    before = {r.get_attribute("data-number"): r.get_attribute("data-ends") for r in d.find_elements("css selector", "[data-testid='limitation-row']")}
    app.shot("02-limitation-before")

    go(d, f"#/customers/{code}?tab=documents")
    # The level the rules suggest for this customer today (whatever the day's demo holds):
    # previewed unnumbered, then issued on confirming.
    suggested = wait("the suggested level", lambda: testid(d, "letter-level").get_attribute("data-suggested"))
    wait("the suggested level chosen", lambda: testid(d, "letter-level").get_attribute("value") == suggested)
    testid(d, "letter-preview-button").click()
    wait("the draft drawn", lambda: find(d, "[data-testid='letter-draft'] [data-testid='pdf-view'] .pages").get_attribute("data-rendered"), seconds=30)
    assert "#/customers/" in d.current_url and not d.find_elements("css selector", "[data-testid='paper-title']"), "nothing issued by the preview"
    app.shot("03a-letter-draft")
    testid(d, "letter-confirm-button").click()
    wait_text(d, "[data-testid='paper-title']", "DL-")
    issued_pages = int(wait("the letter drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered")))
    wait_text(d, "[data-testid='letter-proof']", "尚无送达证明")
    number = testid(d, "paper-title").text.split()[-1]
    letter_items = testid(d, "letter-panel").text
    app.shot("03-letter-issued")

    # Sent by express: the tracking number is asked for, then recorded.
    d.execute_script("const s = document.querySelector(\"[name='channel']\"); s.value = 'express'; s.dispatchEvent(new Event('change', {bubbles: true}));")
    testid(d, "record-sending").click()
    wait_text(d, "[data-testid='sending-error']", "运单号")
    fill(d, "tracking", "SF1234567890")
    testid(d, "record-sending").click()
    wait_text(d, "[data-testid='sending']", "SF1234567890")
    wait_text(d, "[data-testid='letter-proof']", "已证明送达")

    # The signed receipt comes back as a photo.
    testid(d, "sign-method-scan").click()
    fill(d, "signer", "宋建国")
    # The driver runs on this machine: the path goes to the file input as it is.
    d.file_detector = UselessFileDetector()
    testid(d, "scan-file").send_keys(str(PHOTO))
    testid(d, "sign-confirm").click()
    wait_text(d, "[data-testid='letter-proof']", "宋建国 签收回执", seconds=20)
    wait("the signed letter drawn", lambda: find(d, "[data-testid='pdf-view'] .pages").get_attribute("data-rendered") == str(issued_pages + 1))
    app.shot("04-receipt-attached")

    go(d, f"#/customers/{code}?tab=aging")
    wait("the limitation table", lambda: len(d.find_elements("css selector", "[data-testid='limitation-row']")) > 0)
    after = {r.get_attribute("data-number"): r.get_attribute("data-ends") for r in d.find_elements("css selector", "[data-testid='limitation-row']")}
    moved = [n for n in after if n in letter_items and before.get(n) != restarted.isoformat() and after[n] == restarted.isoformat()]
    assert moved, f"no limitation date moved to {restarted}: before {before}, after {after}, letter {number}"
    wait_text(d, "[data-testid='limitation']", "催款函回执签收")
    app.shot("05-limitation-after")


def test_working_the_list_a_call_with_cash_tight_then_a_plan_whose_first_instalment_is_kept(app):
    d = app.driver
    testid(d, "start-demo").click()
    testid(d, "dashboard", seconds=90)
    wait("the forecast chart", lambda: find(d, "[data-testid='forecast-chart'] svg"))
    app.shot("01-dashboard-forecast")
    testid(d, "nav-collections").click()
    wait("the worklist", lambda: len(d.find_elements("css selector", "[data-testid='work-row']")) > 10, seconds=20)
    first = d.find_elements("css selector", "[data-testid='work-row']")[0]
    code = first.get_attribute("data-code")
    testid(d, "work-detail")
    app.shot("02-worklist")

    # A phone call: the customer says cash is tight, and the playbook says what to do.
    d.execute_script("const s = document.querySelector(\"[data-testid='work-detail'] [name='reason']\"); s.value = 'cash_tight'; s.dispatchEvent(new Event('change', {bubbles: true}));")
    wait_text(d, "[data-testid='playbook']", "分期还款计划")
    find(d, "[data-testid='work-detail'] [name='note']").send_keys("月底工程款到账后可以分期")
    app.shot("03-playbook-cash-tight")
    find(d, "[data-testid='work-detail'] [data-testid='log-contact']").click()
    wait_text(d, "[data-testid='toast']", "已记录")

    # A plan of three instalments from today.
    go(d, f"#/customers/{code}?tab=collection")
    testid(d, "collection-panel")
    wait_text(d, "[data-testid='contact-logs']", "资金紧张")
    fill(d, "plan_total", "3000")
    fill(d, "plan_count", "3")
    testid(d, "create-plan").click()
    wait_text(d, "[data-testid='paper-title']", "RP-")
    wait("three instalments", lambda: len(d.find_elements("css selector", "[data-testid='plan-panel'] [data-testid='instalment']")) == 3)
    app.shot("04-plan-agreement")

    # The first instalment is paid today.
    go(d, f"#/payment/new?customer={code}")
    testid(d, "payment-new")
    fill(d, "amount", "1000")
    find(d, "[name='reference']").send_keys("首期还款", Keys.ENTER)
    testid(d, "customer-page")
    go(d, f"#/customers/{code}?tab=collection")
    # The customer at the top of the list may have an older plan too: the new one is listed last.
    wait("the first instalment kept", lambda: [i.get_attribute("data-keeping") for i in d.find_elements("css selector", "[data-testid='plans'] [data-testid='instalment']")][-3:] == ["kept", "open", "open"])
    app.shot("05-first-instalment-kept")
