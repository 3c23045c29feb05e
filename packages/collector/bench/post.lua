-- wrk: POST a valid submission with a new, time-ordered (v7-shaped) id and a comment each time
-- (issue 19: a comment in every body). The comments take turns; three in eight hold personal data
-- (an e-mail address, a phone number, a national register number) for the redaction to find.
local counter = 0
local prefix
local comments = {
  "Het formulier was duidelijk, maar de uploadknop werkte niet op mijn telefoon.",
  "Ik vond de stap met de bijlagen verwarrend. Mail me op jan.peeters@example.be als het opgelost is.",
  "Vlot aangevraagd, bedankt!",
  "Te veel vragen die de overheid al weet. Waarom moet ik mijn adres opnieuw ingeven?",
  "Bel me gerust terug op 0470 12 34 56, ik kreeg een foutmelding bij het betalen.",
  "La page s'affichait mal sur mon téléphone et je n'ai pas trouvé le bouton pour envoyer.",
  "Mijn rijksregisternummer 85.07.30-033.28 werd niet aanvaard, terwijl het klopt.",
  "Goed, maar de wachttijd op de bevestiging was lang.",
}

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  local id = string.format("%s-0000-7000-8000-%012x", prefix, counter)
  local body = '{"id":"' .. id .. '","serviceId":"demo-dienst","rating":' .. (counter % 5 + 1) ..
    ',"lang":"nl","comment":"' .. comments[counter % #comments + 1] .. '"}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
